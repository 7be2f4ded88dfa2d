import type { StateMachine } from 'aws-local-stepfunctions';

/** An event of the engine's log (the library exports no name for the type). */
export type EngineEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** One event of GetExecutionHistory, as AWS shapes it; `timestamp` in epoch milliseconds. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  /** `stateEnteredEventDetails`, `lambdaFunctionFailedEventDetails`, ...; absent when AWS has none. */
  details?: { key: string; value: Record<string, unknown> };
}

const TERMINAL = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut',
]);

const data = (field: 'input' | 'output', value: unknown) => ({
  [field]: JSON.stringify(value ?? null),
  [`${field}Details`]: { truncated: false },
});

const text = (cause: unknown) => (typeof cause === 'string' ? cause : JSON.stringify(cause));

const detailsKey = (type: string) => {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
};

/**
 * Turns one run of the engine into AWS's execution history. The engine logs states entered,
 * exited and failed; the Lambda task handler adds the LambdaFunction* events AWS records for a
 * Task whose Resource is a function ARN. `previousEventId` is the event before it in time (AWS
 * links each event to its cause, which differs only between concurrent Parallel or Map branches).
 */
export class ExecutionHistory {
  private closed = false;
  /** Parallel and Map states whose failure was logged, so their exit is not called a success. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly events: HistoryEvent[],
    private readonly run: {
      roleArn: string;
      /** A redrive continues the history of its execution instead of starting one. */
      redrive: boolean;
      /** The error and cause StopExecution was given. */
      stopDetails: () => { error?: string; cause?: string };
    },
  ) {}

  add(type: string, details?: Record<string, unknown>, timestamp = Date.now()) {
    if (this.closed) return;
    const id = this.events.length + 1;
    this.events.push({
      id,
      previousEventId: id - 1,
      timestamp,
      type,
      ...(details ? { details: { key: detailsKey(type), value: details } } : {}),
    });
    if (TERMINAL.has(type)) this.closed = true;
  }

  lambdaScheduled(resource: string, input: unknown) {
    this.add('LambdaFunctionScheduled', { resource, ...data('input', input) });
    this.add('LambdaFunctionStarted');
  }

  lambdaSucceeded(output: unknown) {
    this.add('LambdaFunctionSucceeded', data('output', output));
  }

  lambdaFailed(error: string, cause: string) {
    this.add('LambdaFunctionFailed', { error, cause });
  }

  engineEvent(event: EngineEvent) {
    const at = event.timestamp;
    switch (event.type) {
      case 'ExecutionStarted':
        if (!this.run.redrive) {
          this.add(
            'ExecutionStarted',
            { ...data('input', event.input), roleArn: this.run.roleArn },
            at,
          );
        }
        return;
      case 'StateEntered': {
        const { name, type, input } = event.state;
        this.add(`${type}StateEntered`, { name, ...data('input', input) }, at);
        if (type === 'Parallel' || type === 'Map') this.add(`${type}StateStarted`, undefined, at);
        return;
      }
      case 'StateExited': {
        const { name, type, output } = event.state;
        const key = `${name}#${event.index ?? ''}`;
        if ((type === 'Parallel' || type === 'Map') && !this.failed.delete(key)) {
          this.add(`${type}StateSucceeded`, undefined, at);
        }
        this.add(`${type}StateExited`, { name, ...data('output', output) }, at);
        return;
      }
      case 'StateFailed': {
        const { name, type } = event.state;
        if (type === 'Parallel' || type === 'Map') {
          this.failed.add(`${name}#${event.index ?? ''}`);
          this.add(`${type}StateFailed`, undefined, at);
        } else if (type === 'Task' && event.Error === 'States.Timeout') {
          this.add('LambdaFunctionTimedOut', { error: event.Error, cause: text(event.Cause) }, at);
        }
        return;
      }
      case 'StateRetried':
        this.failed.delete(`${event.state.name}#${event.index ?? ''}`);
        return;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        this.add(event.type, { name: event.parentState.name, index: event.index }, at);
        return;
      case 'ExecutionSucceeded':
        this.add('ExecutionSucceeded', data('output', event.output), at);
        return;
      case 'ExecutionFailed':
        this.add('ExecutionFailed', { error: event.Error, cause: text(event.Cause) }, at);
        return;
      case 'ExecutionAborted':
        this.add('ExecutionAborted', this.run.stopDetails(), at);
        return;
      case 'ExecutionTimeout':
        this.add(
          'ExecutionTimedOut',
          { error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' },
          at,
        );
        return;
      default:
        // Parallel branch events and StateCaught have no AWS counterpart of their own.
        return;
    }
  }
}
