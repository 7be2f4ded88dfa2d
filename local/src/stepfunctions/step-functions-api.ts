import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { AwsError } from '../edge/aws-service.ts';
import type { JsonOperation } from '../edge/json-protocol.ts';
import type { HistoryEvent } from './execution-history.ts';
import { checkExecutionName } from './execution-names.ts';
import { type Execution, type Executions, isRedrivable } from './executions.ts';
import { page } from './pagination.ts';
import type { LocalStateMachine } from './state-machines.ts';

/** Dates travel as epoch seconds in the JSON protocol; the SDK turns them into `Date`s. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

const MACHINE_ARN = /^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:aws:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/;

const Arn = z.string().min(1).max(256);
const MaxResults = z.number().int().min(0).max(1000).optional();
const Status = z.enum([
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
]);

/** AWS's wording for a request that fails its model's constraints. */
const parse = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const detail = issues
    .map((i) => `Value at '${i.path.join('.')}' failed to satisfy constraint: ${i.message}`)
    .join('; ');
  throw new AwsError(
    'ValidationException',
    `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: ${detail}`,
  );
};

const describeExecution = (e: Execution) => ({
  executionArn: e.arn,
  stateMachineArn: e.machine.arn,
  name: e.name,
  status: e.status,
  startDate: seconds(e.startDate),
  stopDate: seconds(e.stopDate),
  input: e.input,
  inputDetails: { included: true },
  ...(e.output === undefined ? {} : { output: e.output, outputDetails: { included: true } }),
  error: e.error,
  cause: e.cause,
  redriveCount: e.redriveCount,
  redriveDate: seconds(e.redriveDate),
  redriveStatus: isRedrivable(e.status) ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
  ...(isRedrivable(e.status)
    ? {}
    : { redriveStatusReason: `Execution is ${e.status} and cannot be redriven` }),
});

const listItem = (e: Execution) => ({
  executionArn: e.arn,
  stateMachineArn: e.machine.arn,
  name: e.name,
  status: e.status,
  startDate: seconds(e.startDate),
  stopDate: seconds(e.stopDate),
  redriveCount: e.redriveCount,
  redriveDate: seconds(e.redriveDate),
});

const historyEvent = (event: HistoryEvent, includeData: boolean) => {
  const out: Record<string, unknown> = {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: seconds(event.timestamp),
    type: event.type,
  };
  if (event.details) {
    const { input: _input, output: _output, ...withoutData } = event.details.value;
    out[event.details.key] = includeData ? event.details.value : withoutData;
  }
  return out;
};

/** The Step Functions operations the platform serves, in AWS's JSON 1.0 shapes. */
export const stepFunctionsOperations = (
  machines: readonly LocalStateMachine[],
  executions: Executions,
): Record<string, JsonOperation> => {
  const machine = (arn: string) => {
    if (!MACHINE_ARN.test(arn)) throw new AwsError('InvalidArn', `Invalid Arn: '${arn}'`);
    const found = machines.find((m) => m.arn === arn);
    if (!found) {
      throw new AwsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return found;
  };
  const execution = (arn: string) => {
    if (!EXECUTION_ARN.test(arn)) throw new AwsError('InvalidArn', `Invalid Arn: '${arn}'`);
    const found = executions.get(arn);
    if (!found) throw new AwsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return found;
  };

  return {
    StartExecution(input) {
      const request = parse(
        z.object({
          stateMachineArn: Arn,
          name: z.string().optional(),
          input: z.string().max(262_144).optional(),
          traceHeader: z.string().max(256).optional(),
        }),
        input,
      );
      const target = machine(request.stateMachineArn);
      const name = request.name ?? randomUUID();
      checkExecutionName(name);
      const text = request.input ?? '{}';
      try {
        JSON.parse(text);
      } catch (error) {
        throw new AwsError(
          'InvalidExecutionInput',
          `Invalid State Machine Execution Input: '${(error as Error).message}'`,
        );
      }
      const started = executions.start(target, name, text, request.traceHeader);
      return { executionArn: started.arn, startDate: seconds(started.startDate) };
    },

    DescribeExecution(input) {
      const request = parse(z.object({ executionArn: Arn }), input);
      return describeExecution(execution(request.executionArn));
    },

    StopExecution(input) {
      const request = parse(
        z.object({
          executionArn: Arn,
          error: z.string().max(256).optional(),
          cause: z.string().max(32_768).optional(),
        }),
        input,
      );
      const stopDate = executions.stop(execution(request.executionArn), {
        error: request.error,
        cause: request.cause,
      });
      return { stopDate: seconds(stopDate) };
    },

    RedriveExecution(input) {
      const request = parse(
        z.object({ executionArn: Arn, clientToken: z.string().optional() }),
        input,
      );
      return { redriveDate: seconds(executions.redrive(execution(request.executionArn))) };
    },

    ListExecutions(input) {
      const request = parse(
        z.object({
          stateMachineArn: Arn,
          statusFilter: Status.optional(),
          redriveFilter: z.enum(['REDRIVEN', 'NOT_REDRIVEN']).optional(),
          maxResults: MaxResults,
          nextToken: z.string().optional(),
        }),
        input,
      );
      const listed = executions
        .list(machine(request.stateMachineArn).arn)
        .filter((e) => !request.statusFilter || e.status === request.statusFilter)
        .filter(
          (e) =>
            !request.redriveFilter || e.redriveCount > 0 === (request.redriveFilter === 'REDRIVEN'),
        );
      const { items, nextToken } = page(listed, request.maxResults, request.nextToken);
      return { executions: items.map(listItem), nextToken };
    },

    GetExecutionHistory(input) {
      const request = parse(
        z.object({
          executionArn: Arn,
          maxResults: MaxResults,
          reverseOrder: z.boolean().optional(),
          nextToken: z.string().optional(),
          includeExecutionData: z.boolean().optional(),
        }),
        input,
      );
      const events = [...execution(request.executionArn).events];
      if (request.reverseOrder) events.reverse();
      const { items, nextToken } = page(events, request.maxResults, request.nextToken);
      const includeData = request.includeExecutionData ?? true;
      return { events: items.map((e) => historyEvent(e, includeData)), nextToken };
    },

    ListStateMachines(input) {
      const request = parse(
        z.object({ maxResults: MaxResults, nextToken: z.string().optional() }),
        input,
      );
      const { items, nextToken } = page(machines, request.maxResults, request.nextToken);
      return {
        stateMachines: items.map((m) => ({
          stateMachineArn: m.arn,
          name: m.name,
          type: m.type,
          creationDate: seconds(m.creationDate),
        })),
        nextToken,
      };
    },

    DescribeStateMachine(input) {
      const request = parse(z.object({ stateMachineArn: Arn }), input);
      const m = machine(request.stateMachineArn);
      return {
        stateMachineArn: m.arn,
        name: m.name,
        status: 'ACTIVE',
        definition: m.definition,
        roleArn: m.roleArn,
        type: m.type,
        creationDate: seconds(m.creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },
  };
};
