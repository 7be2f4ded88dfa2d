import { join } from 'node:path';
import {
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import {
  ACCOUNT_ARN,
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

const start = (workflow: string, name: string | undefined, input: unknown) =>
  sfn.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn(workflow),
      name,
      input: JSON.stringify(input),
    }),
  );

const rejection = (name: string) => expect.objectContaining({ name });

describe('state machines', () => {
  it('lists one state machine per manifest workflow', async () => {
    const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines.map((m) => m.name).sort()).toEqual([
      localNames.stateMachine('flow', 'Attempt'),
      localNames.stateMachine('flow', 'Deadline'),
      localNames.stateMachine('flow', 'Everything'),
      localNames.stateMachine('flow', 'Hold'),
    ]);
    expect(stateMachines[0]).toMatchObject({ type: 'STANDARD', creationDate: expect.any(Date) });
  });

  it('describes a state machine with its substitutions filled with local function ARNs', async () => {
    const machine = await sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: machineArn('Everything') }),
    );
    expect(machine).toMatchObject({
      name: localNames.stateMachine('flow', 'Everything'),
      status: 'ACTIVE',
      type: 'STANDARD',
      roleArn: expect.stringMatching(/^arn:aws:iam::000000000000:role\//),
    });
    const definition = JSON.parse(machine.definition ?? '');
    expect(definition.States.Double.Resource).toBe(lambdaArn('double'));
    expect(machine.definition).not.toContain('${');
  });

  it('answers StateMachineDoesNotExist for an unknown machine and InvalidArn for a bad ARN', async () => {
    await expect(start('Nope', undefined, {})).rejects.toThrow(
      rejection('StateMachineDoesNotExist'),
    );
    await expect(
      sfn.send(
        new DescribeStateMachineCommand({
          stateMachineArn: localNames.stateMachine('flow', 'Everything'),
        }),
      ),
    ).rejects.toThrow(rejection('InvalidArn'));
  });
});

describe('StartExecution naming rules (STANDARD)', () => {
  it('returns the running execution when the same name starts again with the same input', async () => {
    const first = await start('Hold', 'order-1', { orderId: 'order-1' });
    const again = await start('Hold', 'order-1', { orderId: 'order-1' });
    expect(first.executionArn).toBe(
      `${ACCOUNT_ARN}:execution:${localNames.stateMachine('flow', 'Hold')}:order-1`,
    );
    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn('Hold'), statusFilter: 'RUNNING' }),
    );
    expect(executions.filter((e) => e.name === 'order-1')).toHaveLength(1);
  });

  it('refuses the name of a running execution with a different input', async () => {
    await start('Hold', 'order-2', { orderId: 'order-2' });
    await expect(start('Hold', 'order-2', { orderId: 'other' })).rejects.toThrow(
      rejection('ExecutionAlreadyExists'),
    );
  });

  it('refuses the name of a finished execution, even with the same input', async () => {
    const input = { counter: join(counters, 'done'), failures: 0 };
    const { executionArn = '' } = await start('Attempt', 'order-3', input);
    expect((await settled(sfn, executionArn)).status).toBe('SUCCEEDED');
    await expect(start('Attempt', 'order-3', input)).rejects.toThrow(
      rejection('ExecutionAlreadyExists'),
    );
  });

  it('refuses a name that breaks the naming rule, and input that is not JSON', async () => {
    for (const name of ['has space', 'a/b', 'x'.repeat(81), 'tab\there']) {
      await expect(start('Hold', name, {})).rejects.toThrow(rejection('InvalidName'));
    }
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn('Hold'), input: '{' })),
    ).rejects.toThrow(rejection('InvalidExecutionInput'));
  });

  it('names an execution with a UUID when no name is given', async () => {
    const { executionArn } = await start('Attempt', undefined, {
      counter: join(counters, 'unnamed'),
      failures: 0,
    });
    expect(executionArn).toMatch(/:execution:mytabs-local-flow-Attempt:[0-9a-f-]{36}$/);
  });
});

describe('StopExecution', () => {
  it('aborts a running execution with the given error and cause', async () => {
    const { executionArn = '' } = await start('Hold', 'order-4', { orderId: 'order-4' });
    const { stopDate } = await sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Canceled', cause: 'buyer left' }),
    );
    expect(stopDate).toBeInstanceOf(Date);
    const execution = await settled(sfn, executionArn);
    expect(execution).toMatchObject({ status: 'ABORTED', error: 'Canceled', cause: 'buyer left' });
    const events = await history(sfn, executionArn);
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Canceled', cause: 'buyer left' },
    });
    await expect(start('Hold', 'order-4', { orderId: 'order-4' })).rejects.toThrow(
      rejection('ExecutionAlreadyExists'),
    );
  });
});

describe('RedriveExecution', () => {
  it('runs a failed execution again with the same input and counts the redrive', async () => {
    const input = { counter: join(counters, 'redrive'), failures: 1 };
    const { executionArn = '' } = await start('Attempt', 'order-5', input);
    expect((await settled(sfn, executionArn)).status).toBe('FAILED');

    const { redriveDate } = await sfn.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    const execution = await settled(sfn, executionArn);
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      input: JSON.stringify(input),
      output: '{"attempts":2}',
      redriveCount: 1,
      redriveDate,
    });
    expect(execution.error).toBeUndefined();

    const types = (await history(sfn, executionArn)).map((e) => e.type);
    expect(types.filter((t) => t === 'ExecutionStarted')).toHaveLength(1);
    expect(types.slice(types.indexOf('ExecutionFailed'))).toEqual([
      'ExecutionFailed',
      'ExecutionRedriven',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: machineArn('Attempt'),
        redriveFilter: 'REDRIVEN',
      }),
    );
    expect(executions.map((e) => e.name)).toEqual(['order-5']);
  });

  it('refuses to redrive an execution that succeeded', async () => {
    const { executionArn = '' } = await start('Attempt', 'order-6', {
      counter: join(counters, 'succeeded'),
      failures: 0,
    });
    await settled(sfn, executionArn);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn }))).rejects.toThrow(
      rejection('ExecutionNotRedrivable'),
    );
  });
});

describe('TimeoutSeconds', () => {
  it('times an execution out, which can then be redriven', async () => {
    const { executionArn = '' } = await start('Deadline', 'late-1', {});
    const execution = await settled(sfn, executionArn);
    expect(execution).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      redriveStatus: 'REDRIVABLE',
    });
    expect((await history(sfn, executionArn)).at(-1)?.type).toBe('ExecutionTimedOut');
  });
});

describe('ListExecutions', () => {
  it('lists newest first, filtered by status, a page at a time', async () => {
    await start('Hold', 'page-1', {});
    await start('Hold', 'page-2', {});
    const first = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: machineArn('Hold'),
        statusFilter: 'RUNNING',
        maxResults: 1,
      }),
    );
    expect(first.executions?.map((e) => e.name)).toEqual(['page-2']);
    const second = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: machineArn('Hold'),
        statusFilter: 'RUNNING',
        maxResults: 1,
        nextToken: first.nextToken,
      }),
    );
    expect(second.executions?.map((e) => e.name)).toEqual(['page-1']);
    const aborted = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn('Hold'), statusFilter: 'ABORTED' }),
    );
    expect(aborted.executions?.every((e) => e.status === 'ABORTED')).toBe(true);
  });
});
