import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { localNames } from '../../src/naming.ts';
import { startPlatform } from '../../src/platform.ts';
import { stepFunctionsComponent } from '../../src/stepfunctions/stepfunctions-component.ts';

/** Folder whose `services/*` are the fixture services of the Step Functions tests. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/stepfunctions', import.meta.url));

export const ACCOUNT_ARN = 'arn:aws:states:us-east-1:000000000000';
export const machineArn = (name: string) =>
  `${ACCOUNT_ARN}:stateMachine:${localNames.stateMachine('flow', name)}`;
export const lambdaArn = (fn: string) =>
  `arn:aws:lambda:us-east-1:000000000000:function:${localNames.function('flow', fn)}`;

/**
 * The platform on free ports with the fixture workflows, Step Functions as its only component.
 * The 15-minute Wait `Pause` and the 30-second retries of `Flaky` are shortened to milliseconds;
 * the Wait `Hold` is not, so its executions stay RUNNING until stopped.
 */
export const startStepFunctionsPlatform = async () => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: (line) => lines.push(line),
    components: [
      stepFunctionsComponent({
        overrides: { waitTimeOverrides: { Pause: 5 }, retryIntervalOverrides: { Flaky: 5 } },
      }),
    ],
  });
  const sfn = new SFNClient({
    endpoint: platform.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  // Fixture functions count their calls in files here (they run in other threads).
  const counters = await mkdtemp(join(tmpdir(), 'sfn-counters-'));
  const close = async () => {
    sfn.destroy();
    await platform.close();
    await rm(counters, { recursive: true, force: true });
  };
  return { platform, sfn, lines, counters, close };
};

/** Poll DescribeExecution until the execution has ended (the engine runs it in the background). */
export const settled = async (sfn: SFNClient, executionArn: string) => {
  for (let i = 0; i < 400; i += 1) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${executionArn} is still running`);
};

export const history = async (sfn: SFNClient, executionArn: string) =>
  (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
