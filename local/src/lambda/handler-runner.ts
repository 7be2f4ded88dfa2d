import { enableCompileCache, flushCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { lambdaContext } from './lambda-context.ts';
import type {
  FunctionErrorPayload,
  InitReply,
  InvokeMessage,
  RunnerReply,
  WorkerSetup,
} from './worker-protocol.ts';

/**
 * Runs inside a function's worker thread, like Lambda's runtime inside a sandbox: imports the
 * handler as soon as it starts (the init phase, reported before any invocation, since Lambda
 * does not count it in the function's timeout) and runs one invocation per message.
 */
const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('handler-runner runs only as a worker thread');

type Handler = (event: unknown, context: unknown) => unknown;

const errorPayload = (error: unknown, errorType?: string): FunctionErrorPayload => {
  if (error instanceof Error) {
    return {
      errorType: errorType ?? error.name,
      errorMessage: error.message,
      trace: (error.stack ?? `${error.name}: ${error.message}`).split('\n'),
    };
  }
  return { errorType: errorType ?? 'Error', errorMessage: String(error), trace: [] };
};

class InitError extends Error {
  constructor(
    readonly payload: FunctionErrorPayload,
    options?: ErrorOptions,
  ) {
    super(payload.errorMessage, options);
  }
}

/** Lambda returns at most the last 4 KB of an invocation's log (`LogType: Tail`). */
const TAIL_BYTES = 4096;
let captured: string[] = [];
// Each worker has its own process.stdout: keep a copy of what this invocation writes.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    return write(chunk, ...rest);
  }) as typeof stream.write;
}
const tail = () => {
  const log = Buffer.from(captured.join(''));
  captured = [];
  return log.subarray(Math.max(0, log.length - TAIL_BYTES)).toString();
};

/*
 * Every worker of every function compiles the same bundles and AWS SDK modules again; V8's code
 * cache, kept beside the build (removed with it), spares later cold starts most of that work.
 * Lambda keeps nothing between sandboxes either way, and what runs is the same code.
 */
enableCompileCache(join(dirname(fileURLToPath(import.meta.url)), '.compile-cache'));

let handler: Handler | undefined;
const loadHandler = async (): Promise<Handler> => {
  if (handler) return handler;
  let module: { handler?: unknown };
  try {
    module = await import(setup.entryUrl);
    // Workers end by terminate(), before Node would write the cache at exit.
    flushCompileCache();
  } catch (error) {
    const syntax = error instanceof SyntaxError || (error as Error)?.name === 'TransformError';
    throw new InitError(
      errorPayload(error, syntax ? 'Runtime.UserCodeSyntaxError' : 'Runtime.ImportModuleError'),
    );
  }
  if (typeof module.handler !== 'function') {
    throw new InitError({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: `${setup.entry}.handler is undefined or not exported`,
      trace: [],
    });
  }
  handler = module.handler as Handler;
  return handler;
};

loadHandler().then(
  () => port.postMessage({ init: 'ready' } satisfies InitReply),
  (error: unknown) =>
    port.postMessage({
      init: 'failed',
      error: error instanceof InitError ? error.payload : errorPayload(error),
    } satisfies InitReply),
);

port.on('message', async (message: InvokeMessage) => {
  let reply: RunnerReply;
  captured = [];
  try {
    const run = await loadHandler();
    // Lambda gives each invocation its trace in the environment; the X-Ray SDK reads it there.
    if (message.traceId) process.env._X_AMZN_TRACE_ID = message.traceId;
    else delete process.env._X_AMZN_TRACE_ID;
    const result = await run(JSON.parse(message.event), lambdaContext(setup, message));
    reply = {
      requestId: message.requestId,
      ok: true,
      payload: result === undefined ? 'null' : JSON.stringify(result),
      log: tail(),
    };
  } catch (error) {
    reply = {
      requestId: message.requestId,
      ok: false,
      error: error instanceof InitError ? error.payload : errorPayload(error),
      log: tail(),
    };
  }
  port.postMessage(reply);
});
