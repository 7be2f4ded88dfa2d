import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { RunOptions } from 'aws-local-stepfunctions';
import type { PlatformSegment } from '../xray/platform-segment.ts';
import type { ExecutionHistory } from './execution-history.ts';

type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type Json = Parameters<TaskHandlers[string]>[0];

/**
 * A Task's failure as the engine matches it: `name` is the error Retry and Catch compare
 * (`ErrorEquals`), `message` the cause. The engine puts the message in a Catch's `Cause`, so it
 * carries exactly what AWS puts there.
 */
class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/**
 * The engine calls a task handler right after logging TaskStateEntered, but its log reaches the
 * history through promise callbacks only: one turn of the event loop later, everything logged so
 * far is recorded, so this task's events follow its state's entry.
 */
const afterLoggedEvents = () => new Promise((resolve) => setImmediate(resolve));

/** Step Functions passes the execution's trace on to the function, as a traced client would. */
const withTraceHeader = (command: InvokeCommand, header: string | undefined) => {
  if (!header) return command;
  command.middlewareStack.add(
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amzn-trace-id'] = header;
      return next(args);
    },
    { step: 'build', name: 'traceHeader' },
  );
  return command;
};

const errorTypeOf = (payload: string) => {
  try {
    const parsed = JSON.parse(payload) as { errorType?: unknown };
    return typeof parsed.errorType === 'string' ? parsed.errorType : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The errors Lambda itself reports when the runtime, not the handler, ends an invocation: its
 * process died, ran out of memory, or timed out. Step Functions names them all `Lambda.Unknown`
 * (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html).
 */
const RUNTIME_ERRORS: ReadonlySet<string> = new Set([
  'Runtime.ExitError',
  'Runtime.OutOfMemory',
  'Sandbox.Timedout',
]);

/** The error and cause a Task fails with when its function answered a FunctionError. */
const functionFailure = (payload: string) => {
  const errorType = errorTypeOf(payload);
  if (errorType === undefined || RUNTIME_ERRORS.has(errorType)) {
    return {
      error: 'Lambda.Unknown',
      cause: `The cause could not be determined because Lambda did not return an error type. Returned payload: ${payload}`,
    };
  }
  return { error: errorType, cause: payload };
};

/**
 * Invoke a Task's function as Step Functions does for a function-ARN Resource: Lambda's Invoke
 * with the state's effective input as the payload; the function's return value is the result. A
 * function error fails the task with the payload's `errorType` as error and the whole payload
 * (`{"errorType","errorMessage","trace"}`) as cause, except that the runtime's own failures are
 * `Lambda.Unknown`; a Lambda service error is named `Lambda.<exception>`, and not reaching Lambda
 * at all `Lambda.SdkClientException`.
 */
const invokeTask = async (
  client: LambdaClient,
  resource: string,
  input: Json,
  history: ExecutionHistory,
  traceHeader: string | undefined,
): Promise<Json> => {
  await afterLoggedEvents();
  history.lambdaScheduled(resource, input);
  let payload: string;
  let functionError: string | undefined;
  try {
    const response = await client.send(
      withTraceHeader(
        new InvokeCommand({ FunctionName: resource, Payload: Buffer.from(JSON.stringify(input)) }),
        traceHeader,
      ),
    );
    payload = response.Payload ? Buffer.from(response.Payload).toString('utf8') : '';
    functionError = response.FunctionError;
  } catch (error) {
    const { name, message, $metadata } = error as Error & {
      $metadata?: { httpStatusCode?: number };
    };
    const failure = $metadata?.httpStatusCode ? `Lambda.${name}` : 'Lambda.SdkClientException';
    history.lambdaFailed(failure, message);
    throw new TaskFailure(failure, message);
  }
  if (functionError) {
    const { error, cause } = functionFailure(payload);
    history.lambdaFailed(error, cause);
    throw new TaskFailure(error, cause);
  }
  const output = (payload === '' ? null : JSON.parse(payload)) as Json;
  history.lambdaSucceeded(output);
  return output;
};

/**
 * The engine's local task handlers (keyed by state name, reaching into Parallel and Map) for one
 * run: every Task goes through the local Lambda over HTTP with a client whose endpoint the
 * platform gives, instead of the engine's own client, which would read the process-wide
 * `AWS_ENDPOINT_URL_LAMBDA` and report a function error with a cause unlike AWS's.
 */
export const lambdaTaskHandlers = (
  tasks: ReadonlyMap<string, string>,
  client: LambdaClient,
  history: ExecutionHistory,
  segment: PlatformSegment | undefined,
): TaskHandlers =>
  Object.fromEntries(
    [...tasks].map(([state, resource]) => [
      state,
      async (input: Json) => {
        // Each state a subsegment of the execution's segment, its function's segments under it.
        const step = segment?.subsegment(state);
        try {
          const output = await invokeTask(client, resource, input, history, step?.header);
          step?.end();
          return output;
        } catch (error) {
          const { name, message } = error as Error;
          step?.end({ fault: true, exception: { type: name, message } });
          throw error;
        }
      },
    ]),
  );
