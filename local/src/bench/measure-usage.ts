import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import {
  GetExecutionHistoryCommand,
  type HistoryEvent,
  paginateListExecutions,
  paginateListStateMachines,
  SFNClient,
} from '@aws-sdk/client-sfn';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { stageNames } from '@mytabs/plan';
import { DYNAMODB_USAGE_PATH, type RequestUnits } from '../dynamodb/request-units.ts';
import { EVENTBRIDGE_EVENTS_PATH } from '../eventbridge/archived-events-route.ts';
import { lambdaUsage, type UsageCounts } from './usage-counts.ts';

interface Endpoints {
  edge: string;
  ses: string;
}

const clientConfig = (edge: string) => ({
  endpoint: edge,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'local' },
});

/** What the platform had done when the counts start: the time, and each count so far. */
export interface UsageMark {
  at: Date;
  line: number;
  units: RequestUnits;
  events: number;
  emails: number;
}

const requestUnitsSoFar = async (edge: string): Promise<RequestUnits> =>
  (await fetch(`${edge}${DYNAMODB_USAGE_PATH}`)).json() as Promise<RequestUnits>;
const eventsSoFar = async (edge: string) =>
  ((await (await fetch(`${edge}${EVENTBRIDGE_EVENTS_PATH}`)).json()) as { Events: unknown[] })
    .Events.length;
const emailsSoFar = async (ses: string) =>
  ((await (await fetch(`${ses}/store`)).json()) as { emails: unknown[] }).emails.length;

export const markUsage = async (
  endpoints: Endpoints,
  lines: readonly string[],
): Promise<UsageMark> => ({
  at: new Date(),
  line: lines.length,
  units: await requestUnitsSoFar(endpoints.edge),
  events: await eventsSoFar(endpoints.edge),
  emails: await emailsSoFar(endpoints.ses),
});

/**
 * Waits until no function has finished for `quietMs` (at most `maxMs`): what an order sets off
 * after the buyer sees it FULFILLED (settling the hold, the sales figures, the history) is part
 * of its cost too.
 */
const settled = async (lines: readonly string[], quietMs = 2000, maxMs = 30_000) => {
  const until = Date.now() + maxMs;
  let seen = -1;
  while (Date.now() < until && lines.length !== seen) {
    seen = lines.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
};

/** States entered by the executions started since `since`: Step Functions' state transitions. */
const stateTransitions = async (sfn: SFNClient, since: Date) => {
  let transitions = 0;
  for await (const page of paginateListStateMachines({ client: sfn }, {})) {
    for (const machine of page.stateMachines ?? []) {
      for await (const runs of paginateListExecutions(
        { client: sfn },
        { stateMachineArn: machine.stateMachineArn },
      )) {
        for (const run of runs.executions ?? []) {
          if (!run.startDate || run.startDate < since) continue;
          let nextToken: string | undefined;
          do {
            const page = await sfn.send(
              new GetExecutionHistoryCommand({ executionArn: run.executionArn, nextToken }),
            );
            transitions += (page.events ?? []).filter((e: HistoryEvent) =>
              e.type?.endsWith('StateEntered'),
            ).length;
            nextToken = page.nextToken;
          } while (nextToken);
        }
      }
    }
  }
  return transitions;
};

/**
 * The AWS-billed units the platform used since `mark`, once it is quiet: read through its AWS
 * APIs (Lambda's configurations, Step Functions' histories), its local pages (the bus's events,
 * the SES store, DynamoDB's request units) and the functions' REPORT lines (durations).
 */
export const measureUsage = async (
  endpoints: Endpoints,
  manifests: readonly LoadedManifest[],
  lines: readonly string[],
  mark: UsageMark,
  orders: number,
): Promise<UsageCounts> => {
  await settled(lines);
  const lambda = new LambdaClient(clientConfig(endpoints.edge));
  const sfn = new SFNClient(clientConfig(endpoints.edge));
  try {
    const memoryMb = new Map<string, number>();
    for await (const page of paginateListFunctions({ client: lambda }, {})) {
      for (const fn of page.Functions ?? []) {
        if (fn.FunctionName) memoryMb.set(fn.FunctionName, fn.MemorySize ?? 128);
      }
    }
    const measured = lines.slice(mark.line);
    const used = lambdaUsage(measured, memoryMb);
    const names = stageNames('local');
    const routed = manifests.flatMap(({ manifest }) =>
      Object.entries(manifest.functions)
        .filter(([, spec]) => spec.http)
        .map(([key]) => names.function(manifest.service, key)),
    );
    const units = await requestUnitsSoFar(endpoints.edge);
    return {
      orders,
      lambdaInvocations: used.invocations,
      lambdaGbSeconds: used.gbSeconds,
      apiRequests: routed.reduce((sum, name) => sum + (used.byFunction.get(name) ?? 0), 0),
      stateTransitions: await stateTransitions(sfn, mark.at),
      events: (await eventsSoFar(endpoints.edge)) - mark.events,
      dynamodbReads: units.reads - mark.units.reads,
      dynamodbWrites: units.writes - mark.units.writes,
      emails: (await emailsSoFar(endpoints.ses)) - mark.emails,
    };
  } finally {
    lambda.destroy();
    sfn.destroy();
  }
};
