import {
  DescribeArchiveCommand,
  DescribeReplayCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { localArns, localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { archived, call, checkout, eventually, stripeFor } from './actors.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
});
afterAll(() => local?.close());

/**
 * This file's platform starts cold: the sale and then the replay each wake a chain of functions
 * for the first time, which under the whole suite's load took over 20 s on 2 cores.
 */
const COLD_STARTS_MS = 60_000;

const client = { region: 'us-east-1', credentials: { accessKeyId: 'ops', secretAccessKey: 'x' } };

/** Confirmation emails in the local SES inbox for one order. */
const confirmations = async (orderId: string) => {
  const { emails } = (await fetch(`${local.endpoints.ses}/store`).then((r) => r.json())) as {
    emails: { subject: string; body: { text?: string } }[];
  };
  return emails.filter(
    (e) => e.subject.startsWith('Your tickets') && e.body.text?.includes(orderId),
  );
};

it('replaying the archive after a sale re-delivers every event and changes nothing: one execution, the same tickets, one email', async () => {
  const from = new Date(Date.now() - 1_000);
  const order = await checkout(local, 2);
  await stripeFor(local).paymentIntents.confirm(order.paymentIntentId, {
    payment_method: 'pm_card_visa',
  });
  const fulfilled = await eventually(
    () => call(local, 'GET', `/orders/${order.orderId}`, { token: order.orderToken }),
    (a) => a.body?.status === 'FULFILLED',
    COLD_STARTS_MS,
  );
  expect(fulfilled.body.status).toBe('FULFILLED');
  expect(await confirmations(order.orderId)).toHaveLength(1);
  const starts = () =>
    local.lines.filter((l) =>
      l.startsWith(`${localNames.function('orders', 'startFulfillment')} | REPORT`),
    );
  const startsBefore = starts().length;

  const events = new EventBridgeClient({ ...client, endpoint: local.endpoints.edge });
  const { ArchiveArn, EventSourceArn } = await events.send(
    new DescribeArchiveCommand({ ArchiveName: localNames.archive }),
  );
  const { ReplayArn } = await events.send(
    new StartReplayCommand({
      ReplayName: `recover-${order.orderId.slice(4, 16)}`,
      EventSourceArn: ArchiveArn,
      EventStartTime: from,
      EventEndTime: new Date(),
      Destination: { Arn: EventSourceArn },
    }),
  );
  const replay = await eventually(
    () => events.send(new DescribeReplayCommand({ ReplayName: ReplayArn?.split('/').pop() })),
    (r) => r.State === 'COMPLETED',
    COLD_STARTS_MS,
  );
  expect(replay.State).toBe('COMPLETED');
  // The starter got PaymentSucceeded again; give every other consumer time to run too.
  await eventually(
    async () => starts().length,
    (n) => n > startsBefore,
    COLD_STARTS_MS,
  );
  expect(starts().length).toBeGreaterThan(startsBefore);
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  const { executions = [] } = await new SFNClient({
    ...client,
    endpoint: local.endpoints.edge,
  }).send(
    new ListExecutionsCommand({
      stateMachineArn: localArns.stateMachine(
        localNames.stateMachine('orders', 'OrderFulfillment'),
      ),
    }),
  );
  expect(executions.filter((e) => e.name === order.orderId)).toHaveLength(1);
  const after = await call(local, 'GET', `/orders/${order.orderId}`, { token: order.orderToken });
  expect(after.body.status).toBe('FULFILLED');
  expect(after.body.tickets).toEqual(fulfilled.body.tickets);
  expect(await confirmations(order.orderId)).toHaveLength(1);
  expect(await archived(local, 'OrderFulfilled', order.orderId)).toHaveLength(1);
}, 150_000);
