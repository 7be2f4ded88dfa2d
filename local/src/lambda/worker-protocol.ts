/** Messages between the local Lambda and a function's worker thread (one invocation at a time). */

/** `workerData` of a function's worker. */
export interface WorkerSetup {
  /** file: URL of the handler's bundle, built from its TypeScript as it deploys. */
  entryUrl: string;
  /** The manifest's `entry`, as error messages name it. */
  entry: string;
  functionName: string;
  memoryMb: number;
}

export interface InvokeMessage {
  requestId: string;
  /** The event as JSON text, exactly as the caller sent it. */
  event: string;
  invokedFunctionArn: string;
  /** Epoch ms after which the platform stops the worker. */
  deadline: number;
  /** `_X_AMZN_TRACE_ID` for this invocation, as Lambda sets it: Root, Parent (the function's segment), Sampled. */
  traceId?: string;
}

/** The error object Lambda's Node runtime reports for a failed invocation. */
export interface FunctionErrorPayload {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** `log`: what the handler wrote during the invocation, at most its last 4 KB (LogType Tail). */
export type RunnerReply =
  | { requestId: string; ok: true; payload: string; log: string }
  | { requestId: string; ok: false; error: FunctionErrorPayload; log: string };

/**
 * What a new worker says once, before any invocation: its handler module loaded (the init phase
 * is over, and the invocation's timeout may start), or why it could not be.
 */
export type InitReply = { init: 'ready' } | { init: 'failed'; error: FunctionErrorPayload };
