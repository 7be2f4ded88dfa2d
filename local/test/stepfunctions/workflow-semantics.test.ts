import { join } from 'node:path';
import { type HistoryEvent, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  history,
  lambdaArn,
  machineArn,
  settled,
  startStepFunctionsPlatform,
} from './step-functions-platform.ts';

let sfn: SFNClient;
let counters: string;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ sfn, counters, close } = await startStepFunctionsPlatform());
});
afterAll(() => close?.());

const start = async (workflow: string, input: unknown) => {
  const { executionArn = '' } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn(workflow),
      input: JSON.stringify(input),
    }),
  );
  return executionArn;
};

/** What Lambda's Node runtime reports for a thrown error, which AWS puts in the task's cause. */
const lambdaErrorCause = (errorType: string, errorMessage: string) => ({
  errorType,
  errorMessage,
  trace: expect.arrayContaining([`${errorType}: ${errorMessage}`]),
});

const named = (events: HistoryEvent[], name: string) =>
  events.filter(
    (e) => e.stateEnteredEventDetails?.name === name || e.stateExitedEventDetails?.name === name,
  );

describe('a workflow with Task, Choice, Parallel, Map, Wait, Retry and Catch', () => {
  let executionArn: string;
  let events: HistoryEvent[];
  const input = { route: 'full', value: 3, items: [{ value: 1 }, { value: 2 }] };

  beforeAll(async () => {
    executionArn = await start('Everything', { ...input, counter: join(counters, 'full') });
    await settled(sfn, executionArn);
    events = await history(sfn, executionArn);
  });

  it("succeeds with each Task's result being its function's return value", async () => {
    const execution = await settled(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output ?? '');
    expect(output).toMatchObject({
      doubled: { value: 6 },
      fan: [{ value: 12 }, { value: 1 }],
      mapped: [{ value: 2 }, { value: 4 }],
      flaky: { attempts: 3 },
    });
  });

  it("catches a thrown error by its errorType, with Lambda's error object as the cause", async () => {
    const execution = await settled(sfn, executionArn);
    const { declined } = JSON.parse(execution.output ?? '');
    expect(declined.Error).toBe('PaymentDeclined');
    expect(JSON.parse(declined.Cause)).toEqual(
      lambdaErrorCause('PaymentDeclined', 'card declined for 3'),
    );
  });

  it('retries an error named in Retry until the function succeeds', () => {
    const flaky = events.filter(
      (e) => e.lambdaFunctionScheduledEventDetails?.resource === lambdaArn('flaky'),
    );
    expect(flaky).toHaveLength(3);
    const failures = events.filter((e) => e.type === 'LambdaFunctionFailed');
    expect(failures.map((e) => e.lambdaFunctionFailedEventDetails?.error)).toEqual([
      'TransientError',
      'TransientError',
      'PaymentDeclined',
    ]);
  });

  it('runs a 15-minute Wait in milliseconds when the test shortens it', () => {
    const [entered, exited] = named(events, 'Pause');
    expect(entered?.type).toBe('WaitStateEntered');
    expect(exited?.type).toBe('WaitStateExited');
    const waited = (exited?.timestamp?.getTime() ?? 0) - (entered?.timestamp?.getTime() ?? 0);
    expect(waited).toBeLessThan(1_000);
  });

  it('records every step in the history, numbered in order', () => {
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.previousEventId)).toEqual(events.map((_, i) => i));
    expect(events[0]).toMatchObject({
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: expect.stringContaining('"route":"full"') },
    });
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
    const entered = events.flatMap((e) =>
      e.stateEnteredEventDetails ? [`${e.type}:${e.stateEnteredEventDetails.name}`] : [],
    );
    expect(entered).toEqual([
      'ChoiceStateEntered:Route',
      'TaskStateEntered:Double',
      'ParallelStateEntered:Fan',
      ...entered.slice(3, 5),
      'MapStateEntered:EachItem',
      'TaskStateEntered:DoubleItem',
      'TaskStateEntered:DoubleItem',
      'WaitStateEntered:Pause',
      'TaskStateEntered:Flaky',
      'TaskStateEntered:Decline',
      'SucceedStateEntered:Done',
    ]);
    expect(entered.slice(3, 5).sort()).toEqual([
      'PassStateEntered:Constant',
      'TaskStateEntered:DoubleInBranch',
    ]);
    for (const type of [
      'ParallelStateStarted',
      'ParallelStateSucceeded',
      'MapStateStarted',
      'MapStateSucceeded',
    ]) {
      expect(events.filter((e) => e.type === type)).toHaveLength(1);
    }
    expect(events.filter((e) => e.type === 'MapIterationSucceeded')).toHaveLength(2);
  });

  it("records a Task's Lambda call between its state's entry and exit, with input and output", () => {
    const from = events.findIndex((e) => e.stateEnteredEventDetails?.name === 'Double');
    expect(events.slice(from, from + 5).map((e) => e.type)).toEqual([
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
    ]);
    expect(events[from + 1]?.lambdaFunctionScheduledEventDetails).toMatchObject({
      resource: lambdaArn('double'),
      input: '{"value":3}',
    });
    expect(events[from + 3]?.lambdaFunctionSucceededEventDetails?.output).toBe('{"value":6}');
    expect(JSON.parse(events[from + 4]?.stateExitedEventDetails?.output ?? '')).toMatchObject({
      doubled: { value: 6 },
    });
  });

  it('follows the Choice rule that matches', async () => {
    const short = await start('Everything', { route: 'short', value: 5 });
    const execution = await settled(sfn, short);
    expect(execution.status).toBe('SUCCEEDED');
    const entered = (await history(sfn, short)).flatMap((e) =>
      e.stateEnteredEventDetails ? [e.stateEnteredEventDetails.name] : [],
    );
    expect(entered).toEqual(['Route', 'Decline', 'Done']);
  });
});

describe('a failed execution', () => {
  it("fails with the thrown error's errorType as error and Lambda's error object as cause", async () => {
    const executionArn = await start('Attempt', {
      counter: join(counters, 'failed'),
      failures: 1,
    });
    const execution = await settled(sfn, executionArn);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'TransientError' });
    expect(JSON.parse(execution.cause ?? '')).toEqual(
      lambdaErrorCause('TransientError', 'attempt 1 failed'),
    );
    const events = await history(sfn, executionArn);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionFailed',
      'ExecutionFailed',
    ]);
    expect(events.at(-1)?.executionFailedEventDetails).toEqual({
      error: execution.error,
      cause: execution.cause,
    });
  });
});
