import { isDeepStrictEqual } from 'node:util';
import {
  DescribeArchiveCommand,
  DescribeReplayCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import {
  DEMO_ORGANIZER,
  DEMO_STAFF,
  localNames,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { archived, call, cartOf, eventually, stripeFor, userToken } from './actors.ts';

let local: RepoPlatform;
let owner: string;
let eventId: string;
let seen = 0;

/** The fulfillment's chain of functions and the replay start cold: a minute each. */
const COLD_STARTS_MS = 60_000;

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  owner = await local.signIn(DEMO_ORGANIZER);
  eventId = local.seed?.event.eventId as string;
});
afterAll(() => local?.close());
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

interface Placed {
  orderId: string;
  paymentIntentId: string;
  orderToken: string;
  seats: number;
}

/** `seats` of the seeded event's first ticket type, or of its tax-inclusive VIP balcony. */
const place = async (seats: number, vip = false): Promise<Placed> => {
  const cart = cartOf(local, seats);
  const balcony = local.seed?.event.ticketTypes.find((t) => t.name === 'VIP balcony');
  const items = vip ? [{ ticketTypeId: balcony?.ticketTypeId, quantity: seats }] : cart.items;
  const answer = await call(local, 'POST', '/payments/createPaymentIntent', {
    body: { ...cart, items, buyer: { email: 'sam@example.com', name: 'Sam' } },
  });
  expect(answer.status).toBe(201);
  return { ...answer.body, seats };
};

const viewOf = (order: Placed) =>
  call(local, 'GET', `/orders/${order.orderId}`, { token: order.orderToken });

const until = (order: Placed, status: string) =>
  eventually(
    () => viewOf(order),
    (a) => a.body?.status === status,
    COLD_STARTS_MS,
  );

const pay = (order: Placed, card = 'pm_card_visa') =>
  stripeFor(local).paymentIntents.confirm(order.paymentIntentId, { payment_method: card });

const refund = (order: Placed, amount: number | undefined, key: string) =>
  call(local, 'POST', `/orders/${order.orderId}/refunds`, {
    token: owner,
    body: amount === undefined ? {} : { amount },
    headers: { 'idempotency-key': key },
  });

const sales = () => call(local, 'GET', `/events/${eventId}/sales`, { token: owner });

type Figures = Record<string, number>;

/** What the orders themselves say the figures are. */
const expected = async (orders: Placed[]) => {
  let sold = 0;
  let held = 0;
  let paid = 0;
  let refunded = 0;
  for (const order of orders) {
    const view = (await viewOf(order)).body;
    sold += view.tickets.length;
    if (view.status === 'PENDING_PAYMENT') held += order.seats;
    if ((await archived(local, 'OrderFulfilled', order.orderId)).length > 0) paid += view.amount;
    const refunds = await archived(local, 'OrderRefunded', order.orderId);
    refunded += refunds.reduce((sum, r) => sum + (r.detail.data.amount as number), 0);
  }
  return { sold, held, paid, refunded };
};

const totalsOf = (figures: { total: Figures; ticketTypes: Figures[] }) => {
  const { total } = figures;
  return {
    sold: total.sold,
    held: total.held,
    paid: (total.gross ?? 0) + (total.fees ?? 0) + (total.tax ?? 0),
    refunded: total.refunded,
  };
};

it('adds up to the orders after purchases, refunds, a dispute and a check-in, shows each whole order to the owner, and adds up the same after the archive is replayed', async () => {
  const from = new Date(Date.now() - 1_000);
  const kept = await place(2);
  const refundedInFull = await place(1, true);
  const disputed = await place(1);
  const unpaid = await place(3);
  const orders = [kept, refundedInFull, disputed, unpaid];

  await pay(kept);
  await pay(refundedInFull);
  await until(kept, 'FULFILLED');
  await until(refundedInFull, 'FULFILLED');
  await pay(disputed, 'pm_card_createDispute').catch(() => undefined);
  await until(disputed, 'DISPUTED');

  expect((await refund(kept, 700, 'sales-part')).status).toBe(202);
  await until(kept, 'PARTIALLY_REFUNDED');
  expect((await refund(refundedInFull, undefined, 'sales-all')).status).toBe(202);
  await until(refundedInFull, 'REFUNDED');

  const qr = (await viewOf(kept)).body.tickets[0].qr as string;
  const scan = await call(local, 'POST', `/events/${eventId}/check-ins`, {
    token: owner,
    body: { qr },
  });
  expect(scan.status).toBe(201);

  // The disputed order's workflow may still end after its dispute: compare until both settle.
  const { truth, figures: settled } = await eventually(
    async () => ({ truth: await expected(orders), figures: await sales() }),
    ({ truth, figures }) =>
      figures.status === 200 &&
      isDeepStrictEqual(totalsOf(figures.body), truth) &&
      figures.body.total.checkedIn === 1,
    COLD_STARTS_MS,
  );
  expect(totalsOf(settled.body)).toEqual(truth);
  expect(truth.sold).toBe(2);
  expect(truth.refunded).toBeGreaterThan(700);
  const { total, ticketTypes, currency } = settled.body;
  expect(currency).toBe('usd');
  expect(total).toMatchObject({ checkedIn: 1, net: truth.paid - truth.refunded });
  const general = local.seed?.event.ticketTypes[0];
  const capacity = ticketTypes.find(
    (t: { ticketTypeId: string }) => t.ticketTypeId === general?.ticketTypeId,
  ).capacity;
  expect(ticketTypes).toContainEqual(
    expect.objectContaining({
      ticketTypeId: general?.ticketTypeId,
      sold: 2,
      held: 3,
      checkedIn: 1,
      available: capacity - 5,
    }),
  );
  for (const key of ['sold', 'held', 'checkedIn', 'gross', 'fees', 'tax', 'refunded', 'net']) {
    const summed = ticketTypes.reduce((sum: number, t: Figures) => sum + (t[key] ?? 0), 0);
    expect([key, summed]).toEqual([key, total[key]]);
  }

  const whole = await eventually(
    () => call(local, 'GET', `/orders/${kept.orderId}`, { token: owner }),
    // The confirmation, and the partial refund's own email.
    (a) => a.body?.details?.emails?.length > 1,
    COLD_STARTS_MS,
  );
  expect(whole.body).toMatchObject({ status: 'PARTIALLY_REFUNDED' });
  expect(whole.body.details).toMatchObject({
    buyer: { email: 'sam@example.com' },
    payment: { paymentIntentId: kept.paymentIntentId, paidAt: expect.any(String) },
    amountRefunded: 700,
    refunds: [{ refundId: expect.stringMatching(/^re_/), amount: 700, at: expect.any(String) }],
    emails: expect.arrayContaining(
      ['order-confirmation', 'order-refunded'].map((template) =>
        expect.objectContaining({ to: 'sam@example.com', template }),
      ),
    ),
  });
  const tickets = whole.body.details.tickets as { valid: boolean; checkedInAt?: string }[];
  expect(tickets.map((t) => [t.valid, t.checkedInAt !== undefined])).toEqual(
    expect.arrayContaining([
      [true, true],
      [true, false],
    ]),
  );
  const voided = await call(local, 'GET', `/orders/${refundedInFull.orderId}`, { token: owner });
  expect(voided.body.details.tickets).toEqual([expect.objectContaining({ valid: false })]);
  expect((await viewOf(kept)).body.details).toBeUndefined();

  const events = new EventBridgeClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'ops', secretAccessKey: 'x' },
  });
  const { ArchiveArn, EventSourceArn } = await events.send(
    new DescribeArchiveCommand({ ArchiveName: localNames.archive }),
  );
  const salesRuns = () =>
    local.lines.filter((l) =>
      l.startsWith(`${localNames.function('orders', 'keepSales')} | REPORT`),
    ).length;
  const before = salesRuns();
  const { ReplayArn } = await events.send(
    new StartReplayCommand({
      ReplayName: 'sales-replay',
      EventSourceArn: ArchiveArn,
      EventStartTime: from,
      EventEndTime: new Date(),
      Destination: { Arn: EventSourceArn },
    }),
  );
  await eventually(
    () => events.send(new DescribeReplayCommand({ ReplayName: ReplayArn?.split('/').pop() })),
    (r) => r.State === 'COMPLETED',
    COLD_STARTS_MS,
  );
  await eventually(
    async () => salesRuns(),
    (n) => n > before,
    COLD_STARTS_MS,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  events.destroy();
  expect((await sales()).body).toEqual(settled.body);
  expect((await call(local, 'GET', `/orders/${kept.orderId}`, { token: owner })).body).toEqual(
    whole.body,
  );
}, 300_000);

it('is shown to owners and managers only: staff are refused with 403, anyone else 404', async () => {
  const staff = await local.signIn(DEMO_STAFF);
  const refused = await call(local, 'GET', `/events/${eventId}/sales`, { token: staff });
  expect(refused).toMatchObject({ status: 403, body: { code: 'role-forbids' } });
  const stranger = await userToken(local, 'nosy@example.com');
  expect((await call(local, 'GET', `/events/${eventId}/sales`, { token: stranger })).status).toBe(
    404,
  );
});
