import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AwsError } from '../edge/aws-service.ts';
import type { LocalFaults } from '../faults/local-faults.ts';
import { localArns } from '../naming.ts';
import type { LocalQueues } from '../sqs/local-queues.ts';
import type { LocalTraces } from '../xray/local-traces.ts';
import type { DeadLetter } from './dead-letters.ts';
import type { Rebuilt } from './function-bundles.ts';
import { FunctionPool, type RunOutcome } from './function-pool.ts';
import { parseFunctionName } from './function-ref.ts';
import { InitSlots } from './init-slots.ts';
import { injectedFailure } from './injected-failure.ts';
import { hasTrigger, type LocalFunction } from './local-function.ts';
import { DEFAULT_MEMORY_BUDGET, type MemoryBudget, watchMemory } from './memory-budget.ts';
import { tracedRun } from './traced-run.ts';
import type { FunctionErrorPayload } from './worker-protocol.ts';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export interface InvokeRequest {
  /** Name, `name:$LATEST`, partial or full ARN. */
  functionName: string;
  /** The event as JSON text; empty means `{}`. */
  payload?: string;
  invocationType?: InvocationType;
  /** `Tail`: answer the last 4 KB of the invocation's log too (RequestResponse only). */
  logType?: 'None' | 'Tail';
  /**
   * The service the call is made for: a function of that service, or a workflow or trigger it
   * owns. The manifest's `invokedBy` applies to it. Omitted only by platform components invoking
   * a function a manifest wires to them (API routes, the authorizer, rule targets, triggers).
   */
  caller?: string;
  /** The caller's `X-Amzn-Trace-Id`: the invocation's segments join that trace. */
  traceHeader?: string;
}

export interface InvokeResponse {
  /** 200 (RequestResponse), 202 (Event) or 204 (DryRun), as Lambda answers. */
  statusCode: 200 | 202 | 204;
  requestId: string;
  /** The handler's result (or error object) as JSON text; empty for Event and DryRun. */
  payload: string;
  functionError?: 'Unhandled';
  /** Base64 of the last 4 KB of the log, when `logType` was `Tail`. */
  logResult?: string;
}

/** Why a function has no bundle to run, as Lambda's runtime reports code it cannot load. */
const codeProblem = (
  fn: LocalFunction,
  code: Exclude<LocalFunction['code'], { bundle: string }>,
): FunctionErrorPayload =>
  'missing' in code
    ? {
        errorType: 'Runtime.ImportModuleError',
        errorMessage: `Error: Cannot find module '${fn.spec.entry}': function ${fn.name} declares it as its entry, but ${fn.entryPath} does not exist`,
        trace: [],
      }
    : { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: code.buildError, trace: [] };

/** A function's error, thrown by `call()`: its `name` is the handler's `errorType`. */
export class FunctionError extends Error {
  constructor(readonly payload: FunctionErrorPayload) {
    super(payload.errorMessage);
    this.name = payload.errorType;
  }
}

export interface LocalLambdaOptions {
  functions: readonly LocalFunction[];
  /** The bundled runner every function's workers start from. */
  runner: string;
  log: (line: string) => void;
  /** Where an async invocation that failed for good goes: its function's on-failure queue. */
  queues: LocalQueues;
  /**
   * Injected failures: a function with a fault in force fails without running its handler, or
   * (mode `kill`) runs it and loses its worker before answering.
   */
  faults: LocalFaults;
  /** Where each invocation's segments go; absent when tracing is off. */
  traces?: LocalTraces;
  /** Delay before the first async retry; the second waits twice as long. AWS: about a minute. */
  retryBaseDelayMs?: number;
  maxWorkersPerFunction?: number;
  /** Workers starting (importing their bundle) at the same time; default: the cores, at least 2. */
  coldStartsAtOnce?: number;
  idleWorkerMs?: number;
  /** Idle workers are stopped sooner while the process holds more than this. */
  memory?: Partial<MemoryBudget>;
}

/**
 * Workers per function, by default half the machine's cores. Lambda would scale much further, but
 * here every worker shares the same few cores, and each compiles its code hot on its own (V8 has
 * one JIT per worker): measured with the bench on two cores, one worker per function checks out
 * 7.3 buyers a second for 0.23 CPU-seconds each, four workers 3.7 a second for 0.49. Further
 * invocations wait for a warm worker instead of being throttled.
 */
export const defaultWorkersPerFunction = () => Math.max(1, Math.floor(availableParallelism() / 2));

const SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
const TAIL_BYTES = 4096;

const tailOf = (log: string) => {
  const bytes = Buffer.from(log);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
};
const ASYNC_PAYLOAD_LIMIT = 1024 * 1024;
/** What Lambda does with an asynchronous invocation when the function configures nothing. */
const LAMBDA_DEFAULT_RETRIES = 2;
const LAMBDA_MAX_EVENT_AGE_S = 21_600;

/**
 * The local Lambda service: every manifest function, run in worker threads. The edge's Lambda API
 * and every in-process component (API, EventBridge targets, Step Functions tasks, Cognito
 * triggers) invoke through this one object, so permissions, timeouts and retries are the same.
 */
export class LocalLambda {
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly #pools = new Map<string, FunctionPool>();
  readonly #initSlots: InitSlots;
  /** Pending retry waits: closing ends them at once. */
  readonly #retryWaits = new Map<NodeJS.Timeout, () => void>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #retryBaseDelayMs: number;
  #closed = false;
  readonly #stopWatchingMemory: () => void;

  constructor(readonly options: LocalLambdaOptions) {
    this.functions = new Map(options.functions.map((f) => [f.name, f]));
    this.#initSlots = new InitSlots(options.coldStartsAtOnce);
    this.#stopWatchingMemory = watchMemory(() => this.#pools.values(), {
      ...DEFAULT_MEMORY_BUDGET,
      ...options.memory,
    });
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 60_000;
    for (const fn of options.functions) {
      if ('missing' in fn.code) {
        options.log(`${fn.name} | its entry ${fn.spec.entry} does not exist yet: invocations fail`);
      }
      if ('buildError' in fn.code) {
        options.log(
          `${fn.name} | its code does not build, invocations fail:\n${fn.code.buildError}`,
        );
      }
    }
  }

  /** The function a name or ARN designates, or Lambda's ResourceNotFoundException. */
  resolve(functionName: string): LocalFunction {
    const ref = parseFunctionName(functionName);
    const fn = ref ? this.functions.get(ref.name) : undefined;
    if (!ref || !fn || (ref.qualifier !== undefined && ref.qualifier !== '$LATEST')) {
      const arn = functionName.startsWith('arn:') ? functionName : localArns.function(functionName);
      throw new AwsError('ResourceNotFoundException', `Function not found: ${arn}`, 404);
    }
    return fn;
  }

  async invoke(request: InvokeRequest): Promise<InvokeResponse> {
    if (this.#closed) {
      throw new AwsError('ServiceException', 'The local Lambda is shutting down', 503);
    }
    const fn = this.resolve(request.functionName);
    this.#authorize(fn, request.caller);
    const type = request.invocationType ?? 'RequestResponse';
    const event = request.payload?.length ? request.payload : '{}';
    const limit = type === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    if (Buffer.byteLength(event) > limit) {
      throw new AwsError(
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
        413,
      );
    }
    try {
      JSON.parse(event);
    } catch (error) {
      throw new AwsError(
        'InvalidRequestContentException',
        `Could not parse request body into json: ${(error as Error).message}`,
      );
    }
    const requestId = randomUUID();
    if (type === 'DryRun') return { statusCode: 204, requestId, payload: '' };
    if (type === 'Event') {
      this.#track(this.#runAsync(fn, requestId, event, request.traceHeader));
      return { statusCode: 202, requestId, payload: '' };
    }
    const { outcome, report } = await this.#run(fn, requestId, event, request.traceHeader);
    const logResult =
      request.logType === 'Tail'
        ? {
            logResult: tailOf(
              `START RequestId: ${requestId} Version: $LATEST\n${outcome.log ?? ''}END RequestId: ${requestId}\n${report}\n`,
            ),
          }
        : {};
    return outcome.ok
      ? { statusCode: 200, requestId, payload: outcome.payload, ...logResult }
      : {
          statusCode: 200,
          requestId,
          payload: JSON.stringify(outcome.error),
          functionError: 'Unhandled',
          ...logResult,
        };
  }

  /** Asynchronous invocations not yet done: running, waiting for a retry, or being dead-lettered. */
  get pendingAsync() {
    return this.#inFlight.size;
  }

  /** Invoke synchronously and return the parsed result; a function error rejects with FunctionError. */
  async call(
    functionName: string,
    event: unknown,
    caller?: string,
    traceHeader?: string,
  ): Promise<unknown> {
    const response = await this.invoke({
      functionName,
      payload: JSON.stringify(event ?? {}),
      ...(caller === undefined ? {} : { caller }),
      ...(traceHeader && { traceHeader }),
    });
    const result: unknown = JSON.parse(response.payload);
    if (response.functionError) throw new FunctionError(result as FunctionErrorPayload);
    return result;
  }

  /**
   * What async invocations left in their functions' on-failure queues, oldest first, read without
   * receiving them. The queues also hold the events their rules could not deliver (those carry a
   * `RULE_ARN` attribute), which this leaves out.
   */
  deadLetters(functionName?: string): DeadLetter[] {
    const functions =
      functionName === undefined ? [...this.functions.values()] : [this.resolve(functionName)];
    return functions
      .flatMap((fn) =>
        fn.asyncInvoke ? this.options.queues.peek(fn.asyncInvoke.deadLetterQueue) : [],
      )
      .filter((message) => !('RULE_ARN' in message.attributes))
      .sort((a, b) => a.sentAt - b.sentAt)
      .map((message) => JSON.parse(message.body) as DeadLetter);
  }

  /** Functions whose bundles were rebuilt (or no longer build): their next invocations run that. */
  refresh({ bundles, failures }: Rebuilt) {
    for (const [name, bundle] of bundles) this.#replaceCode(name, { bundle });
    for (const [name, buildError] of failures) this.#replaceCode(name, { buildError });
  }

  #replaceCode(name: string, code: LocalFunction['code']) {
    const fn = this.functions.get(name);
    if (!fn) return;
    fn.code = code;
    this.#pools.get(name)?.retire();
  }

  /**
   * Loads one worker of every function in the background, so the first requests after `npm start`
   * do not wait for a chain of cold starts (a convenience of the local platform: Lambda itself
   * only does this with provisioned concurrency). Cold starts still queue one per core.
   */
  async warmAll(): Promise<void> {
    await Promise.all(
      [...this.functions.values()]
        .filter((fn) => 'bundle' in fn.code)
        .map((fn) => this.#pool(fn).warm()),
    );
  }

  async close() {
    this.#closed = true;
    this.#stopWatchingMemory();
    for (const [timer, wake] of this.#retryWaits) {
      clearTimeout(timer);
      wake();
    }
    this.#retryWaits.clear();
    await Promise.all([...this.#pools.values()].map((p) => p.close()));
    await Promise.allSettled([...this.#inFlight]);
  }

  #authorize(fn: LocalFunction, caller: string | undefined) {
    if (caller === undefined || hasTrigger(fn) || caller === fn.service) return;
    if (fn.spec.invokedBy?.includes(caller)) return;
    throw new AwsError(
      'AccessDeniedException',
      `User: arn:aws:iam::000000000000:user/${caller || 'anonymous'} is not authorized to perform: lambda:InvokeFunction on resource: ${fn.arn} because no identity-based policy allows the lambda:InvokeFunction action (the manifest of ${fn.service} does not list ${caller || 'this caller'} in invokedBy of ${fn.key})`,
      403,
    );
  }

  #track(promise: Promise<unknown>) {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise));
  }

  #pool(fn: LocalFunction) {
    let pool = this.#pools.get(fn.name);
    if (!pool) {
      pool = new FunctionPool(fn, {
        log: this.options.log,
        maxWorkers: this.options.maxWorkersPerFunction ?? defaultWorkersPerFunction(),
        idleMs: this.options.idleWorkerMs ?? 5 * 60_000,
        initSlots: this.#initSlots,
        runner: this.options.runner,
      });
      this.#pools.set(fn.name, pool);
    }
    return pool;
  }

  async #run(fn: LocalFunction, requestId: string, event: string, traceHeader?: string) {
    const started = performance.now();
    const outcome = await tracedRun(
      this.options.traces,
      fn,
      requestId,
      traceHeader,
      async (traceId): Promise<RunOutcome> => {
        const injected = injectedFailure(this.options.faults, fn, event);
        if (injected && 'error' in injected) return { ok: false, error: injected.error };
        return 'bundle' in fn.code
          ? await this.#pool(fn).run(requestId, event, traceId, { kill: injected !== undefined })
          : { ok: false, error: codeProblem(fn, fn.code) };
      },
    );
    // As Lambda's, the duration leaves out the init phase, which the REPORT line gives apart.
    const duration = (performance.now() - started - (outcome.initMs ?? 0)).toFixed(1);
    const init =
      outcome.initMs === undefined ? '' : ` Init Duration: ${outcome.initMs.toFixed(1)} ms`;
    const report = `REPORT RequestId: ${requestId} Duration: ${duration} ms${init}${outcome.ok ? '' : ` Error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`}`;
    this.options.log(`${fn.name} | ${report}`);
    return { outcome, report };
  }

  /** Lambda's async invocation: the first attempt, then retries with backoff, then the destination. */
  async #runAsync(fn: LocalFunction, requestId: string, event: string, traceHeader?: string) {
    const receivedAt = Date.now();
    const retries = fn.asyncInvoke?.retryAttempts ?? LAMBDA_DEFAULT_RETRIES;
    const maxAgeMs = (fn.asyncInvoke?.maxEventAgeS ?? LAMBDA_MAX_EVENT_AGE_S) * 1000;
    for (let attempt = 1; !this.#closed; attempt += 1) {
      const { outcome } = await this.#run(fn, requestId, event, traceHeader);
      if (outcome.ok || this.#closed) return;
      const delay = this.#retryBaseDelayMs * 2 ** (attempt - 1);
      const tooOld = Date.now() + delay - receivedAt > maxAgeMs;
      if (attempt > retries || tooOld) {
        this.#deadLetter(
          fn,
          requestId,
          event,
          outcome.error,
          attempt,
          tooOld && attempt <= retries,
        );
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.#retryWaits.delete(timer);
          resolve();
        }, delay);
        this.#retryWaits.set(timer, resolve);
      });
    }
  }

  #deadLetter(
    fn: LocalFunction,
    requestId: string,
    event: string,
    error: FunctionErrorPayload,
    attempts: number,
    expired: boolean,
  ) {
    const record: DeadLetter = {
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: {
        requestId,
        functionArn: `${fn.arn}:$LATEST`,
        condition: expired ? 'EventAgeExceeded' : 'RetriesExhausted',
        approximateInvokeCount: attempts,
      },
      requestPayload: JSON.parse(event),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: error,
    };
    const sent =
      fn.asyncInvoke !== undefined &&
      this.options.queues.send(
        localArns.queue(fn.asyncInvoke.deadLetterQueue),
        JSON.stringify(record),
        {
          senderId: 'lambda.amazonaws.com',
        },
      );
    this.options.log(
      sent && fn.asyncInvoke
        ? `${fn.name} | DEAD LETTER RequestId: ${requestId} after ${attempts} attempt(s): ${error.errorType}: ${error.errorMessage} (in queue ${fn.asyncInvoke.deadLetterQueue}: aws sqs receive-message, or GET /_local/lambda/dead-letters on the edge)`
        : `${fn.name} | DROPPED RequestId: ${requestId} after ${attempts} attempt(s): ${error.errorType}: ${error.errorMessage} (the function has no on-failure destination, so Lambda discards the event)`,
    );
  }
}
