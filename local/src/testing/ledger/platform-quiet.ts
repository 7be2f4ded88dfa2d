import { EventBridgeClient, ListReplaysCommand } from '@aws-sdk/client-eventbridge';
import { ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { credentialsFor, REGION } from '../../naming.ts';

const QUIET_POLLS = 3;
const POLL_MS = 50;

const countAt = async (url: string, field: string) =>
  ((await (await fetch(url)).json()) as Record<string, number>)[field] ?? 0;

/** What still moves on the platform, by what a person would call it; empty when nothing does. */
const stillMoving = async (edge: string) => {
  const client = { endpoint: edge, region: REGION, credentials: credentialsFor('ledger') };
  const sfn = new SFNClient(client);
  const events = new EventBridgeClient(client);
  try {
    const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
    const running = await Promise.all(
      stateMachines.map(async ({ stateMachineArn }) => {
        const { executions = [] } = await sfn.send(
          new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
        );
        return executions.map((e) => `execution ${e.name} running`);
      }),
    );
    const replays = await Promise.all(
      (['STARTING', 'RUNNING'] as const).map(async (State) => {
        const { Replays = [] } = await events.send(new ListReplaysCommand({ State }));
        return Replays.map((r) => `replay ${r.ReplayName} ${State.toLowerCase()}`);
      }),
    );
    const invocations = await countAt(`${edge}/_local/lambda/pending`, 'AsyncInvocations');
    const deliveries = await countAt(`${edge}/_local/eventbridge/pending`, 'Deliveries');
    return [
      ...running.flat(),
      ...replays.flat(),
      ...(invocations ? [`${invocations} asynchronous invocations not done`] : []),
      ...(deliveries ? [`${deliveries} bus deliveries not handed over`] : []),
    ];
  } finally {
    sfn.destroy();
    events.destroy();
  }
};

/**
 * Waits until nothing moves on the platform for a few polls in a row: no RUNNING execution or
 * replay, no asynchronous invocation running or waiting to retry, no bus delivery on its way.
 * Scheduled rules are not waited for (their next firing is minutes away). Answers what still
 * moved when `timeoutMs` ran out, or nothing.
 */
export const waitUntilQuiet = async (edge: string, timeoutMs = 10_000): Promise<string[]> => {
  const deadline = Date.now() + timeoutMs;
  let quietPolls = 0;
  for (;;) {
    const moving = await stillMoving(edge);
    quietPolls = moving.length === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= QUIET_POLLS) return [];
    if (Date.now() > deadline) return moving.length ? moving : ['the platform kept moving'];
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
