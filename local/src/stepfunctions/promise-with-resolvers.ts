/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` (Node 22+) in every Task state; Node 20,
 * which this machine runs, lacks it. Install the standard behaviour only where it is missing, so
 * Node 22 and later keep their own.
 */
const promise = Promise as unknown as { withResolvers?: () => unknown };

if (typeof promise.withResolvers !== 'function') {
  promise.withResolvers = () => {
    let resolve!: (value: unknown) => void;
    let reject!: (reason?: unknown) => void;
    const created = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}
