import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  SFNClient,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DEMO_ORGANIZER, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archived, call, cartOf, eventually, stripeFor } from './actors.ts';

/**
 * 61 orders of the demo event in mixed states, then the event canceled: the EventCancellation
 * workflow stopped half-way and redriven, and a second cancel. Everything is read as a user
 * would notice it: the API, Stripe's refunds (real SDK vs the emulator), the inbox, the bus.
 */
let local: RepoPlatform;
let organizer: string;
let eventId: string;
let sfn: SFNClient;

interface Placed {
  orderId: string;
  paymentIntentId: string;
  orderToken: string;
  amount: number;
  email: string;
  kind: 'fulfilled' | 'partly-refunded' | 'checked-in' | 'refunded' | 'pending' | 'paid-late';
  refundedBefore: number;
  /** A ticket's code as its buyer held it before the cancellation (one fulfilled order keeps it). */
  qr?: string;
}
const placed: Placed[] = [];

/** `paid-late` is paid just after the cancel, before the workflow reaches it (the oldest order). */
const KINDS: [Placed['kind'], number][] = [
  ['paid-late', 1],
  ['fulfilled', 26],
  ['partly-refunded', 6],
  ['checked-in', 6],
  ['refunded', 2],
  ['pending', 20],
];
const PARTIAL_REFUND = 500;
const REASON = 'The venue flooded; we are so sorry.';

/** `limit` at a time, in order: the checkouts of a busy evening, not 60 at one instant. */
const inBatches = async <T>(items: T[], limit: number, run: (item: T) => Promise<void>) => {
  for (let i = 0; i < items.length; i += limit) {
    await Promise.all(items.slice(i, i + limit).map(run));
  }
};

const getOrder = (orderId: string) =>
  call(local, 'GET', `/orders/${orderId}`, { token: organizer });

const statusOf = async (orderId: string) => (await getOrder(orderId)).body?.status as string;

const until = (orderId: string, status: string, timeoutMs = 90_000) =>
  eventually(
    () => statusOf(orderId),
    (s) => s === status,
    timeoutMs,
  );

const cancellationEmails = async (to?: string) => {
  const { emails } = (await (await fetch(`${local.endpoints.ses}/store`)).json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  return emails.filter(
    (e) => e.subject.startsWith('Canceled: ') && (!to || e.destination.to.includes(to)),
  );
};

/** The refunds Stripe made for an order by its event's cancellation. */
const cancellationRefunds = async (order: Placed) =>
  (
    await stripeFor(local).refunds.list({ payment_intent: order.paymentIntentId, limit: 100 })
  ).data.filter((r) => r.metadata?.refundRequestId === `event-canceled:${order.orderId}`);

const cancellationMachine = async () => {
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  const machine = stateMachines.find((m) => m.name?.endsWith('EventCancellation'));
  if (!machine?.stateMachineArn) throw new Error('no EventCancellation state machine');
  return machine.stateMachineArn;
};

const cancel = (token = organizer, reason = REASON) =>
  call(local, 'POST', `/events/${eventId}/cancel`, { token, body: { reason } });

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  organizer = await local.signIn(DEMO_ORGANIZER);
  eventId = local.seed?.event.eventId as string;
  sfn = new SFNClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const plan = KINDS.flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  await inBatches(
    plan.map((kind, n) => ({ kind, n })),
    6,
    async ({ kind, n }) => {
      const email = `buyer${n}@example.com`;
      const answer = await call(local, 'POST', '/payments/createPaymentIntent', {
        body: { ...cartOf(local, 1), buyer: { email, name: `Buyer ${n}` } },
      });
      if (answer.status !== 201) throw new Error(`checkout: ${JSON.stringify(answer.body)}`);
      const order: Placed = { ...answer.body, email, kind, refundedBefore: 0 };
      placed.push(order);
      if (kind === 'pending' || kind === 'paid-late') return;
      await stripeFor(local).paymentIntents.confirm(order.paymentIntentId, {
        payment_method: 'pm_card_visa',
      });
      expect(await until(order.orderId, 'FULFILLED')).toBe('FULFILLED');
      if (kind === 'fulfilled' && !placed.some((p) => p.qr)) {
        const mine = await call(local, 'GET', `/orders/${order.orderId}`, {
          token: order.orderToken,
        });
        order.qr = mine.body.tickets[0].qr;
      }
      if (kind === 'partly-refunded' || kind === 'refunded') {
        const refund = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
          token: organizer,
          body: kind === 'refunded' ? {} : { amount: PARTIAL_REFUND },
          headers: { 'idempotency-key': `before-${order.orderId}` },
        });
        expect(refund.status).toBe(202);
        order.refundedBefore = refund.body.amount;
        const status = kind === 'refunded' ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
        expect(await until(order.orderId, status)).toBe(status);
      }
      if (kind === 'checked-in') {
        const mine = await call(local, 'GET', `/orders/${order.orderId}`, {
          token: order.orderToken,
        });
        const scan = await call(local, 'POST', `/events/${eventId}/check-ins`, {
          token: organizer,
          body: { qr: mine.body.tickets[0].qr },
        });
        expect(scan.status).toBe(201);
      }
    },
  );
}, 600_000);

afterAll(async () => {
  sfn?.destroy();
  await local?.close();
});

const paidLate = () => placed.find((o) => o.kind === 'paid-late') as Placed;

describe('canceling an event with 61 orders in mixed states', () => {
  it('stops sales at once, runs the workflow, survives a stop half-way and a redrive', async () => {
    const first = await cancel();
    expect(first).toMatchObject({
      status: 202,
      body: { eventId, status: 'CANCELED', cancellation: { reason: REASON, ordersDone: 0 } },
    });
    await stripeFor(local).paymentIntents.confirm(paidLate().paymentIntentId, {
      payment_method: 'pm_card_visa',
    });

    // No new hold, no new PaymentIntent.
    const checkout = await call(local, 'POST', '/payments/createPaymentIntent', {
      body: { ...cartOf(local, 1), buyer: { email: 'late@example.com', name: 'Late' } },
    });
    expect(checkout).toMatchObject({ status: 409, body: { code: 'event-canceled' } });
    const quote = await call(local, 'POST', '/payments/calculate-tax', { body: cartOf(local, 1) });
    expect(quote).toMatchObject({ status: 409, body: { code: 'event-canceled' } });

    // Stopped once a third of the buyers were told, then redriven: still once each.
    const machineArn = await cancellationMachine();
    const executionArn = `${machineArn.replace(':stateMachine:', ':execution:')}:${eventId}`;
    await eventually(
      () => cancellationEmails(),
      (emails) => emails.length >= 12,
      120_000,
    );
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Test', cause: 'half-way' }));
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(stopped.status).toBe('ABORTED');
    const midway = await call(local, 'GET', `/events/${eventId}`, { token: organizer });
    expect(midway.body.cancellation.finishedAt).toBeUndefined();

    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const ended = await eventually(
      () => sfn.send(new DescribeExecutionCommand({ executionArn })),
      (e) => e.status !== 'RUNNING',
      240_000,
    );
    expect(ended).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
  }, 420_000);

  it('refunds every paid order once, of what remained, and voids its tickets', async () => {
    const paid = placed.filter((o) =>
      ['fulfilled', 'partly-refunded', 'checked-in'].includes(o.kind),
    );
    expect(paid).toHaveLength(38);
    for (const order of paid) {
      expect(await until(order.orderId, 'REFUNDED', 30_000)).toBe('REFUNDED');
      const refunds = await cancellationRefunds(order);
      expect(refunds.map((r) => r.amount)).toEqual([order.amount - order.refundedBefore]);
      const details = (await getOrder(order.orderId)).body.details;
      expect(details.amountRefunded).toBe(order.amount);
      expect(details.tickets.every((t: { valid: boolean }) => !t.valid)).toBe(true);
      const voided = await eventually(
        () => archived(local, 'TicketsVoided', order.orderId),
        (e) => e.length > 0,
      );
      expect(voided[0]?.detail.data.reason).toBe('refunded');
      const refunded = await archived(local, 'OrderRefunded', order.orderId);
      expect(refunded.at(-1)?.detail.data).toMatchObject({
        status: 'REFUNDED',
        cause: 'event-canceled',
      });
    }
    for (const order of placed.filter((o) => o.kind === 'refunded')) {
      expect(await cancellationRefunds(order)).toEqual([]);
      expect(await statusOf(order.orderId)).toBe('REFUNDED');
    }
  }, 240_000);

  it('tells each buyer of a paid order once: the event is canceled, why and what was refunded', async () => {
    for (const order of placed) {
      const emails = await cancellationEmails(order.email);
      if (order.kind === 'pending' || order.kind === 'refunded' || order.kind === 'paid-late') {
        expect(emails).toEqual([]);
        continue;
      }
      expect(emails).toHaveLength(1);
      const refunded = ((order.amount - order.refundedBefore) / 100).toFixed(2);
      expect(emails[0]?.body.text).toContain(REASON);
      expect(emails[0]?.body.text).toContain(`$${refunded}`);
      expect(emails[0]?.body.text).toContain(order.orderId);
    }
  });

  it('refuses at fulfillment a payment made after the cancel, and refunds it', async () => {
    const order = paidLate();
    expect(await until(order.orderId, 'FAILED', 60_000)).toBe('FAILED');
    const refunds = await stripeFor(local).refunds.list({ payment_intent: order.paymentIntentId });
    expect(refunds.data.map((r) => [r.amount, r.metadata?.refundRequestId])).toEqual([
      [order.amount, `failed:${order.orderId}`],
    ]);
    const failed = await archived(local, 'OrderFailed', order.orderId);
    expect(failed[0]?.detail.data.error).toBe('EventCanceled');
    expect(await cancellationEmails(order.email)).toEqual([]);
  }, 90_000);

  it('cancels the unpaid orders with their PaymentIntents', async () => {
    for (const order of placed.filter((o) => o.kind === 'pending')) {
      expect(await until(order.orderId, 'CANCELED', 30_000)).toBe('CANCELED');
      const intent = await stripeFor(local).paymentIntents.retrieve(order.paymentIntentId);
      expect(intent.status).toBe('canceled');
    }
  }, 120_000);

  it('shows members the progress and its end, the public only that it is canceled', async () => {
    const member = await call(local, 'GET', `/events/${eventId}`, { token: organizer });
    expect(member.body).toMatchObject({
      canceled: true,
      cancellation: { reason: REASON, ordersDone: 61, ordersTotal: 61 },
    });
    expect(member.body.cancellation.finishedAt).toEqual(expect.any(String));
    const anyone = await call(local, 'GET', `/events/${eventId}`);
    expect(anyone.status).toBe(200);
    expect(anyone.body.canceled).toBe(true);
    expect(anyone.body.cancellation).toBeUndefined();
    const listed = await call(local, 'GET', '/events');
    expect(listed.body.items.map((e: { eventId: string }) => e.eventId)).not.toContain(eventId);
  });

  it('refuses check-in of its tickets', async () => {
    const order = placed.find((o) => o.qr) as Placed;
    const mine = await call(local, 'GET', `/orders/${order.orderId}`, { token: order.orderToken });
    const details = (await getOrder(order.orderId)).body.details;
    expect(mine.body.tickets).toEqual([]);
    expect(details.tickets.length).toBeGreaterThan(0);
    const scan = await call(local, 'POST', `/events/${eventId}/check-ins`, {
      token: organizer,
      body: { qr: order.qr },
    });
    expect(scan).toMatchObject({ status: 409, body: { code: 'event-canceled' } });
  });

  it('answers a second cancel with the same state and changes nothing', async () => {
    const before = await call(local, 'GET', `/events/${eventId}`, { token: organizer });
    const emailsBefore = (await cancellationEmails()).length;
    const again = await cancel(organizer, 'Another reason');
    expect(again).toMatchObject({
      status: 202,
      body: { eventId, status: 'CANCELED', cancellation: before.body.cancellation },
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: await cancellationMachine() }),
    );
    expect(executions.map((e) => [e.name, e.status, e.redriveCount])).toEqual([
      [eventId, 'SUCCEEDED', 1],
    ]);
    expect((await cancellationEmails()).length).toBe(emailsBefore);
    const paid = placed.filter((o) =>
      ['fulfilled', 'partly-refunded', 'checked-in'].includes(o.kind),
    );
    for (const order of paid) expect(await cancellationRefunds(order)).toHaveLength(1);
  }, 120_000);

  it('refuses members without the right and non-members as it refuses any other change', async () => {
    const stranger = await local.signIn({
      email: 'stranger@example.com',
      password: 'Stranger-pass-2026!x',
      name: 'Stranger',
    });
    expect((await cancel(stranger)).status).toBe(404);
    const empty = await call(local, 'POST', `/events/${eventId}/cancel`, {
      token: organizer,
      body: { reason: '' },
    });
    expect(empty).toMatchObject({ status: 400 });
    expect(empty.body.errors[0].path).toBe('reason');
  });
});
