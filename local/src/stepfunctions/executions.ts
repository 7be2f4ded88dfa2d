import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  type RunOptions,
} from 'aws-local-stepfunctions';
import { AwsError } from '../edge/aws-service.ts';
import { accessKeyIdOf, REGION } from '../naming.ts';
import type { LocalTraces } from '../xray/local-traces.ts';
import { PlatformSegment } from '../xray/platform-segment.ts';
import { ExecutionHistory, type HistoryEvent } from './execution-history.ts';
import { lambdaTaskHandlers } from './lambda-tasks.ts';
import type { LocalStateMachine } from './state-machines.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Shorter Wait states and Retry intervals, by state name, in milliseconds (for tests). */
export type TimingOverrides = Omit<
  NonNullable<RunOptions['overrides']>,
  'taskResourceLocalHandlers'
>;

export interface Execution {
  arn: string;
  name: string;
  machine: LocalStateMachine;
  /** The input exactly as StartExecution received it (JSON text). */
  input: string;
  status: ExecutionStatus;
  /** Epoch milliseconds. */
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveDate?: number;
  events: HistoryEvent[];
  /** StartExecution's `traceHeader`: its runs' segments join the starter's trace. */
  traceHeader?: string;
}

interface Run {
  abort: () => void;
  stopDetails?: { error?: string; cause?: string };
}

const REDRIVABLE: ReadonlySet<ExecutionStatus> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** AWS redrives a STANDARD execution that failed, timed out or was stopped. */
export const isRedrivable = (status: ExecutionStatus) => REDRIVABLE.has(status);

const causeText = (cause: unknown) => (typeof cause === 'string' ? cause : JSON.stringify(cause));

/** The error and cause of a failed run, as the engine named them (see lambda-tasks.ts). */
const failureOf = (reason: unknown) => {
  const inner =
    reason instanceof ExecutionError && reason.cause instanceof Error ? reason.cause : reason;
  if (!(inner instanceof Error)) return { error: 'States.Runtime', cause: String(inner) };
  return {
    error: inner.name,
    cause: inner.cause === undefined ? inner.message : causeText(inner.cause),
  };
};

export interface ExecutionsOptions {
  /** The edge's URL: Task states invoke their functions through its Lambda API. */
  lambdaEndpoint: string;
  overrides: TimingOverrides;
  /** Where each run's segment goes; absent when tracing is off. */
  traces?: LocalTraces;
  log: (line: string) => void;
}

/**
 * The executions of every state machine, run by aws-local-stepfunctions, kept in memory for the
 * life of the process (AWS keeps a name unique for 90 days, longer than any local run).
 *
 * RedriveExecution differs from AWS: AWS resumes a redriven execution at the state that failed;
 * locally it runs again from the start with the same input (the redrive count and an
 * ExecutionRedriven event are recorded as on AWS). Our workflow steps are idempotent (each reads
 * the order's state first), so a rerun recovers the same way a resume would.
 *
 * EXPRESS machines run here like STANDARD ones (same ARNs, history and naming rules).
 */
export class Executions {
  private readonly byArn = new Map<string, Execution>();
  private readonly runs = new Map<string, Run>();
  private readonly clients = new Map<string, LambdaClient>();

  constructor(private readonly options: ExecutionsOptions) {}

  get(arn: string) {
    return this.byArn.get(arn);
  }

  /** Newest first, as ListExecutions orders them. */
  list(machineArn: string) {
    return [...this.byArn.values()].filter((e) => e.machine.arn === machineArn).reverse();
  }

  /**
   * StartExecution's naming rule for STANDARD machines: a name still running with the same input
   * answers with that execution (the call is idempotent); any other reuse of a name is refused.
   */
  start(machine: LocalStateMachine, name: string, input: string, traceHeader?: string): Execution {
    const arn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.byArn.get(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const execution: Execution = {
      arn,
      name,
      machine,
      input,
      status: 'RUNNING',
      startDate: Date.now(),
      redriveCount: 0,
      events: [],
      ...(traceHeader && { traceHeader }),
    };
    this.byArn.set(arn, execution);
    this.run(execution, false);
    return execution;
  }

  stop(execution: Execution, details: { error?: string; cause?: string }) {
    const run = this.runs.get(execution.arn);
    if (execution.status === 'RUNNING' && run) {
      Object.assign(execution, { status: 'ABORTED', stopDate: Date.now(), ...details });
      run.stopDetails = details;
      run.abort();
    }
    return execution.stopDate ?? Date.now();
  }

  redrive(execution: Execution) {
    if (!isRedrivable(execution.status)) {
      throw new AwsError(
        'ExecutionNotRedrivable',
        `Execution '${execution.arn}' cannot be redriven: its status is ${execution.status}`,
      );
    }
    const redriveDate = Date.now();
    Object.assign(execution, {
      status: 'RUNNING',
      redriveCount: execution.redriveCount + 1,
      redriveDate,
      stopDate: undefined,
      output: undefined,
      error: undefined,
      cause: undefined,
    });
    this.run(execution, true);
    return redriveDate;
  }

  /** Abort every running execution and release the Lambda clients (platform shutdown). */
  close() {
    for (const run of this.runs.values()) run.abort();
    this.runs.clear();
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  /** Task states invoke as the service that owns the workflow, which its `invokedBy` grants. */
  private client(machine: LocalStateMachine) {
    let client = this.clients.get(machine.service);
    if (!client) {
      client = new LambdaClient({
        endpoint: this.options.lambdaEndpoint,
        region: REGION,
        credentials: {
          accessKeyId: accessKeyIdOf(machine.service, 'states'),
          secretAccessKey: 'local',
        },
        // Step Functions itself does not retry a Lambda call: only the state's Retry does.
        maxAttempts: 1,
      });
      this.clients.set(machine.service, client);
    }
    return client;
  }

  private run(execution: Execution, redrive: boolean) {
    const { machine } = execution;
    const run: Run = { abort: () => {} };
    const history = new ExecutionHistory(execution.events, {
      roleArn: machine.roleArn,
      redrive,
      stopDetails: () => run.stopDetails ?? {},
    });
    if (redrive) history.add('ExecutionRedriven', { redriveCount: execution.redriveCount });
    const segment =
      this.options.traces &&
      new PlatformSegment(
        this.options.traces,
        machine.name,
        'AWS::StepFunctions::StateMachine',
        execution.traceHeader,
        { aws: { execution_arn: execution.arn } },
      );
    const engineRun = machine.engine.run(JSON.parse(execution.input), {
      overrides: {
        ...this.options.overrides,
        taskResourceLocalHandlers: lambdaTaskHandlers(
          machine.lambdaTasks,
          this.client(machine),
          history,
          segment,
        ),
      },
      context: {
        Execution: {
          Id: execution.arn,
          Name: execution.name,
          RoleArn: machine.roleArn,
          RedriveCount: execution.redriveCount,
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    run.abort = engineRun.abort;
    this.runs.set(execution.arn, run);
    const logged = (async () => {
      for await (const event of engineRun.eventLogs) history.engineEvent(event);
    })();
    void Promise.allSettled([engineRun.result, logged]).then(([result]) => {
      if (this.runs.get(execution.arn) !== run) return;
      this.runs.delete(execution.arn);
      if (execution.status !== 'RUNNING') return;
      execution.stopDate = Date.now();
      if (result.status === 'fulfilled') {
        Object.assign(execution, { status: 'SUCCEEDED', output: JSON.stringify(result.value) });
      } else if (result.reason instanceof ExecutionTimeoutError) {
        Object.assign(execution, { status: 'TIMED_OUT', error: 'States.Timeout' });
      } else if (!(result.reason instanceof ExecutionAbortedError)) {
        Object.assign(execution, { status: 'FAILED', ...failureOf(result.reason) });
      }
      segment?.end(
        (execution.status as ExecutionStatus) === 'SUCCEEDED'
          ? {}
          : {
              fault: true,
              exception: {
                type: execution.error ?? execution.status,
                message: execution.cause ?? '',
              },
            },
      );
      const failure = execution.error ? ` (${execution.error})` : '';
      this.options.log(
        `stepfunctions: ${machine.name} ${execution.name} ${execution.status}${failure}`,
      );
    });
  }
}
