import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { eachLine, readableLine } from './function-log.ts';
import type { InitSlots } from './init-slots.ts';
import type { LocalFunction } from './local-function.ts';
import type {
  FunctionErrorPayload,
  InitReply,
  InvokeMessage,
  RunnerReply,
  WorkerSetup,
} from './worker-protocol.ts';

/**
 * `log`: the handler's output during the invocation, when its worker lived to report it;
 * `initMs`: how long a new worker took to load the handler first (a cold start).
 */
export type RunOutcome = (
  | { ok: true; payload: string; log?: string }
  | { ok: false; error: FunctionErrorPayload; log?: string }
) & { initMs?: number };

export interface PoolOptions {
  log: (line: string) => void;
  /** Workers at most per function; further invocations wait for one (Lambda would throttle). */
  maxWorkers: number;
  /** A warm worker left idle this long is stopped, as Lambda recycles idle sandboxes. */
  idleMs: number;
  /** Shared by every function's pool: how many workers may be loading their handler at once. */
  initSlots: InitSlots;
  /** The bundled runner every worker starts from (it loads the function's bundle). */
  runner: string;
}

/**
 * Lambda limits the init phase to 10 s, then retries it within the invocation's timeout. A busy
 * laptop compiling TypeScript in several new workers at once is slower than a sandbox, so the
 * local limit is that retry's whole budget: 10 s plus the function's timeout.
 */
const INIT_LIMIT_MS = 10_000;

const failure = (errorType: string, errorMessage: string): RunOutcome => ({
  ok: false,
  error: { errorType, errorMessage, trace: [] },
});

/**
 * The sandboxes of one function: worker threads, each with the function's own `process.env` and
 * one invocation at a time. A worker is reused while warm; one that timed out or crashed is
 * stopped (`terminate()`, as Lambda discards a sandbox) and the next invocation starts a new one.
 */
export class FunctionPool {
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();
  /** Each idle worker's recycling timer, and when it went idle. */
  readonly #idleSince = new Map<Worker, { timer: NodeJS.Timeout; at: number }>();
  readonly #waiting: Array<() => void> = [];
  /** Workers running code older than the function's bundle: stopped once they are free. */
  readonly #retired = new Set<Worker>();
  #busy = 0;

  constructor(
    readonly fn: LocalFunction,
    readonly options: PoolOptions,
  ) {}

  /**
   * `traceId`: the invocation's `_X_AMZN_TRACE_ID`, when traced. `kill`: an injected fault; the
   * handler runs to its end, then its worker is terminated before the answer is read.
   */
  async run(
    requestId: string,
    event: string,
    traceId?: string,
    { kill = false }: { kill?: boolean } = {},
  ): Promise<RunOutcome> {
    if (this.#busy >= this.options.maxWorkers) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#busy += 1;
    try {
      const idle = this.#takeIdle();
      if (idle) return await this.#invoke(idle, requestId, event, traceId, kill);
      await this.options.initSlots.acquire();
      // A worker may have come free while this invocation waited for a slot: use it instead.
      const freed = this.#takeIdle();
      if (freed) {
        this.options.initSlots.release();
        return await this.#invoke(freed, requestId, event, traceId, kill);
      }
      const initStarted = performance.now();
      const worker = this.#spawn(this.#bundle());
      const failed = await this.#init(worker, requestId).finally(() =>
        this.options.initSlots.release(),
      );
      const initMs = performance.now() - initStarted;
      return {
        ...(failed ?? (await this.#invoke(worker, requestId, event, traceId, kill))),
        initMs,
      };
    } finally {
      this.#busy -= 1;
      this.#waiting.shift()?.();
    }
  }

  /** Starts one worker ahead of the first invocation, if none runs yet; false if its init fails. */
  async warm(): Promise<boolean> {
    if (this.#all.size > 0) return true;
    await this.options.initSlots.acquire('warm-up');
    try {
      if (this.#all.size > 0) return true;
      const worker = this.#spawn(this.#bundle());
      const failed = await this.#init(worker, 'warm-up');
      if (failed) return false;
      this.#release(worker);
      return true;
    } finally {
      this.options.initSlots.release();
    }
  }

  async close() {
    for (const { timer } of this.#idleSince.values()) clearTimeout(timer);
    this.#idleSince.clear();
    this.#idle.length = 0;
    await Promise.all([...this.#all].map((w) => w.terminate()));
    this.#all.clear();
  }

  /**
   * After a rebuild of the function's bundle: idle workers stop now, busy ones after their
   * invocation, so the next invocations load the new code (as a deploy replaces sandboxes).
   */
  retire() {
    for (const worker of this.#all) this.#retired.add(worker);
    for (const worker of [...this.#idle]) {
      this.#forget(worker);
      void worker.terminate();
    }
  }

  /** The idle workers, each with when it went idle (ms epoch) and a way to stop it now. */
  idleWorkers(): { idleSince: number; stop: () => void }[] {
    return [...this.#idleSince].map(([worker, { at }]) => ({
      idleSince: at,
      stop: () => {
        if (!this.#idleSince.has(worker)) return;
        this.#forget(worker);
        void worker.terminate();
      },
    }));
  }

  #bundle() {
    if (!('bundle' in this.fn.code)) throw new Error(`${this.fn.name} has no bundle to run`);
    return this.fn.code.bundle;
  }

  #takeIdle() {
    const worker = this.#idle.pop();
    if (worker) {
      clearTimeout(this.#idleSince.get(worker)?.timer);
      this.#idleSince.delete(worker);
    }
    return worker;
  }

  #spawn(bundle: string) {
    const { fn } = this;
    const setup: WorkerSetup = {
      entryUrl: pathToFileURL(bundle).href,
      entry: fn.spec.entry,
      functionName: fn.name,
      memoryMb: fn.spec.memoryMb,
    };
    const worker = new Worker(this.options.runner, {
      name: fn.name,
      workerData: setup,
      env: fn.environment,
      // As the deployed function's NODE_OPTIONS: stack traces name the TypeScript source.
      execArgv: ['--enable-source-maps'],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: fn.spec.memoryMb },
    });
    worker.unref();
    const print = (line: string) => this.options.log(`${fn.name} | ${readableLine(line)}`);
    eachLine(worker.stdout, print);
    eachLine(worker.stderr, print);
    // A crash between invocations must not take the platform down: forget the worker.
    worker.on('error', () => this.#forget(worker));
    worker.on('exit', () => this.#forget(worker));
    this.#all.add(worker);
    return worker;
  }

  #forget(worker: Worker) {
    this.#all.delete(worker);
    this.#retired.delete(worker);
    const at = this.#idle.indexOf(worker);
    if (at >= 0) this.#idle.splice(at, 1);
    clearTimeout(this.#idleSince.get(worker)?.timer);
    this.#idleSince.delete(worker);
  }

  #release(worker: Worker) {
    if (!this.#all.has(worker)) return;
    if (this.#retired.has(worker)) {
      this.#forget(worker);
      void worker.terminate();
      return;
    }
    this.#idle.push(worker);
    const timer = setTimeout(() => {
      this.#forget(worker);
      void worker.terminate();
    }, this.options.idleMs);
    timer.unref();
    this.#idleSince.set(worker, { timer, at: Date.now() });
  }

  /** Waits for a new worker's handler to load; answers the failure if it cannot. */
  #init(worker: Worker, requestId: string) {
    const limitMs = INIT_LIMIT_MS + this.fn.spec.timeoutS * 1000;
    return new Promise<RunOutcome | undefined>((resolve) => {
      const done = (outcome: RunOutcome | undefined) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (outcome) {
          this.#forget(worker);
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (reply: InitReply) => {
        if (!('init' in reply)) return;
        done(reply.init === 'ready' ? undefined : { ok: false, error: reply.error });
      };
      const onExit = (code: number) =>
        done(
          failure(
            'Runtime.ExitError',
            `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}`,
          ),
        );
      const timer = setTimeout(
        () =>
          done(
            failure(
              'Sandbox.Timedout',
              `RequestId: ${requestId} Error: Init did not finish within ${(limitMs / 1000).toFixed(2)} seconds`,
            ),
          ),
        limitMs,
      );
      worker.on('message', onMessage);
      worker.on('exit', onExit);
    });
  }

  #invoke(
    worker: Worker,
    requestId: string,
    event: string,
    traceId: string | undefined,
    kill: boolean,
  ) {
    const timeoutMs = this.fn.spec.timeoutS * 1000;
    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const settle = (outcome: RunOutcome, keepWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keepWorker) {
          this.#release(worker);
        } else {
          this.#forget(worker);
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (reply: RunnerReply | InitReply) => {
        if (!('requestId' in reply) || reply.requestId !== requestId) return;
        if (kill) {
          // What Lambda answers when the runtime's process dies (SIGKILL) mid-invocation.
          settle(
            {
              ...failure(
                'Runtime.ExitError',
                `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
              ),
              log: reply.log,
            },
            false,
          );
          return;
        }
        settle(
          reply.ok
            ? { ok: true, payload: reply.payload, log: reply.log }
            : { ok: false, error: reply.error, log: reply.log },
          true,
        );
      };
      const onError = (error: Error & { code?: string }) => {
        settle(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? failure(
                'Runtime.OutOfMemory',
                `RequestId: ${requestId} Error: Runtime exited with error: memory limit of ${this.fn.spec.memoryMb} MB exceeded`,
              )
            : {
                ok: false,
                error: {
                  errorType: error.name,
                  errorMessage: error.message,
                  trace: (error.stack ?? '').split('\n'),
                },
              },
          false,
        );
      };
      const onExit = (code: number) =>
        settle(
          failure(
            'Runtime.ExitError',
            `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}`,
          ),
          false,
        );
      const timer = setTimeout(
        () =>
          settle(
            failure(
              'Sandbox.Timedout',
              `RequestId: ${requestId} Error: Task timed out after ${this.fn.spec.timeoutS.toFixed(2)} seconds`,
            ),
            false,
          ),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const message: InvokeMessage = {
        requestId,
        event,
        invokedFunctionArn: this.fn.arn,
        deadline: Date.now() + timeoutMs,
        ...(traceId && { traceId }),
      };
      worker.postMessage(message);
    });
  }
}
