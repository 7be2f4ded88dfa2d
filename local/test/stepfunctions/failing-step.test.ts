import { join } from 'node:path';
import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../src/platform.ts';
import { awsJson, hasAwsCli } from '../fixtures/aws-cli.ts';
import { machineArn, settled, startStepFunctionsPlatform } from './step-functions-platform.ts';

let sfn: SFNClient;
let platform: Platform;
let counters: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ sfn, platform, counters, close } = await startStepFunctionsPlatform());
});
afterAll(() => close?.());

it('a step whose function fails for good fails the execution, as the CLI describes it', async () => {
  platform.faults.add({
    kind: 'function',
    function: 'flow.flaky',
    errorType: 'InjectedFault',
    seconds: 60,
  });
  const { executionArn = '' } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn('Attempt'),
      input: JSON.stringify({ counter: join(counters, 'failing-step'), failures: 0 }),
    }),
  );
  const execution = await settled(sfn, executionArn);
  expect(execution).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
  platform.faults.clear();

  if (!hasAwsCli) return;
  const edge = platform.endpoints.edge ?? '';
  expect(
    await awsJson(edge, 'stepfunctions', 'describe-execution', '--execution-arn', executionArn),
  ).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
  const { executions } = await awsJson<{ executions: { executionArn: string }[] }>(
    edge,
    'stepfunctions',
    'list-executions',
    '--state-machine-arn',
    machineArn('Attempt'),
    '--status-filter',
    'FAILED',
  );
  expect(executions.map((e) => e.executionArn)).toContain(executionArn);
});
