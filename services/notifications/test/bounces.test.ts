import {
  DescribeReplayCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  credentialsFor,
  localArns,
  localNames,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';
import { inbox as inboxAt } from './received-email.ts';
import { suppressionOf } from './suppression-record.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
}, 60_000);
afterAll(() => local?.close());

const client = <C>(Client: new (config: object) => C) =>
  new Client({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor('orders.test'),
  });

/** Sends an order's email as the workflow's step does; answers the step's result. */
const send = async (fn: 'sendOrderConfirmation' | 'sendOrderFailed', to: string) => {
  const { order, tickets, event } = paidOrderWithTickets(to);
  const payload =
    fn === 'sendOrderConfirmation'
      ? { order, tickets, event }
      : { order, refund: { amount: order.amount, currency: order.currency } };
  const out = await client(LambdaClient).send(
    new InvokeCommand({
      FunctionName: localNames.function('notifications', fn),
      Payload: Buffer.from(JSON.stringify(payload)),
    }),
  );
  const body = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'));
  if (out.FunctionError) throw new Error(`${fn} failed: ${JSON.stringify(body)}`);
  return body as { status: string; failure?: string };
};

/** The local SES takes the email to `address`, then reports it bounced or complained about. */
const sesWill = (mode: 'bounce' | 'complain', address: string) =>
  fetch(`${local.endpoints.edge}/_local/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'ses', mode, recipient: address, times: 1 }),
  });

const suppression = (address: string) => suppressionOf(local.endpoints.edge, address);

const eventually = async <T>(read: () => Promise<T | undefined>, what: string) => {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} never happened\n${local.lines.slice(-20).join('\n')}`);
};

describe('a bounced or complained-about address', () => {
  it('gets no second email after a hard bounce, and the send answers why; a replay changes nothing', async () => {
    const address = `gone+${Date.now()}@example.com`;
    const startedAt = new Date(Date.now() - 1000);
    expect((await sesWill('bounce', address)).status).toBe(201);

    expect((await send('sendOrderConfirmation', address)).status).toBe('sent');
    const recorded = await eventually(() => suppression(address), 'the suppression');
    expect(recorded).toMatchObject({ address, reason: 'bounced', detail: 'Permanent/General' });

    const second = await send('sendOrderFailed', address);
    expect(second.status).toBe('failed');
    expect(second.failure).toMatch(
      new RegExp(
        `^Suppressed: ${address.replace(/[+.]/g, '\\$&')} bounced \\(Permanent/General\\)`,
      ),
    );
    expect(await inboxAt(local.endpoints.ses, address)).toHaveLength(1);

    // The bus's archive holds EmailBounced: replayed, the suppression stays as first recorded.
    const events = client(EventBridgeClient);
    const ReplayName = `bounce-${Date.now()}`;
    await events.send(
      new StartReplayCommand({
        ReplayName,
        EventSourceArn: `arn:aws:events:us-east-1:000000000000:archive/${localNames.archive}`,
        EventStartTime: startedAt,
        EventEndTime: new Date(),
        Destination: { Arn: localArns.bus(localNames.bus) },
      }),
    );
    await eventually(async () => {
      const { State } = await events.send(new DescribeReplayCommand({ ReplayName }));
      return State === 'COMPLETED' ? State : undefined;
    }, 'the replay');
    await eventually(
      async () =>
        local.lines.find((l) => l.includes('Address already suppressed') && l.includes(address)),
      'the replayed EmailBounced',
    );
    expect(await suppression(address)).toEqual(recorded);
    expect(await inboxAt(local.endpoints.ses, address)).toHaveLength(1);
  }, 60_000);

  it('is not mailed again after a complaint', async () => {
    const address = `spam+${Date.now()}@example.com`;
    await sesWill('complain', address);
    expect((await send('sendOrderConfirmation', address)).status).toBe('sent');
    await eventually(() => suppression(address), 'the suppression');
    expect(await send('sendOrderConfirmation', address)).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('complained (abuse)'),
    });
    expect(await inboxAt(local.endpoints.ses, address)).toHaveLength(1);
  }, 60_000);
});
