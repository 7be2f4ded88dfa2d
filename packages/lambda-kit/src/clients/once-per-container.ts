/**
 * One client per container, created on first use, so the environment (`AWS_ENDPOINT_URL`
 * locally, the region on AWS) is read at run time. Each client has a module of its own: a
 * function's bundle keeps, and its cold start loads, only the SDK clients it uses.
 */
export const oncePerContainer = <T>(create: () => T) => {
  let client: T | undefined;
  return () => {
    client ??= create();
    return client;
  };
};
