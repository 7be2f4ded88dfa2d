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

/** Where the counts start: the time, the log line and the DynamoDB units so far. */
export interface UsageMark {
  at: Date;
  line: number;
  units: RequestUnits;
}

const requestUnitsSoFar = async (edge: string): Promise<RequestUnits> =>
  (await fetch(`${edge}${DYNAMODB_USAGE_PATH}`)).json() as Promise<RequestUnits>;

export const markUsage = async (endpoints: Endpoints, lines: readonly string[]) => ({
  at: new Date(),
  line: lines.length,
  units: await requestUnitsSoFar(endpoints.edge),
});

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
 * The AWS-billed units the platform used since `mark`, read through its AWS APIs (Lambda's
 * configurations, Step Functions' histories), its local pages (the bus's events, the SES store,
 * DynamoDB's request units) and the functions' REPORT lines (durations).
 */
export const measureUsage = async (
  endpoints: Endpoints,
  manifests: readonly LoadedManifest[],
  lines: readonly string[],
  mark: UsageMark,
  orders: number,
): Promise<UsageCounts> => {
  const lambda = new LambdaClient(clientConfig(endpoints.edge));
  const sfn = new SFNClient(clientConfig(endpoints.edge));
  try {
    const memoryMb = new Map<string, number>();
    for await (const page of paginateListFunctions({ client: lambda }, {})) {
      for (const fn of page.Functions ?? []) {
        if (fn.FunctionName) memoryMb.set(fn.FunctionName, fn.MemorySize ?? 128);
      }
    }
    const used = lambdaUsage(lines.slice(mark.line), memoryMb);
    const names = stageNames('local');
    const routed = manifests.flatMap(({ manifest }) =>
      Object.entries(manifest.functions)
        .filter(([, spec]) => spec.http)
        .map(([key]) => names.function(manifest.service, key)),
    );
    const { Events } = (await (
      await fetch(`${endpoints.edge}/_local/eventbridge/events`)
    ).json()) as { Events: { time: string }[] };
    const { emails } = (await (
      await fetch(`${endpoints.ses}/store?since=${Math.floor(mark.at.getTime() / 1000)}`)
    ).json()) as { emails: unknown[] };
    const units = await requestUnitsSoFar(endpoints.edge);
    const sinceSecond = Math.floor(mark.at.getTime() / 1000) * 1000;
    return {
      orders,
      lambdaInvocations: used.invocations,
      lambdaGbSeconds: used.gbSeconds,
      apiRequests: routed.reduce((sum, name) => sum + (used.byFunction.get(name) ?? 0), 0),
      stateTransitions: await stateTransitions(sfn, mark.at),
      events: Events.filter((e) => Date.parse(e.time) >= sinceSecond).length,
      dynamodbReads: units.reads - mark.units.reads,
      dynamodbWrites: units.writes - mark.units.writes,
      emails: emails.length,
    };
  } finally {
    lambda.destroy();
    sfn.destroy();
  }
};
