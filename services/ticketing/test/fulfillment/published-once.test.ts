import {
  archivedEvents,
  callApi,
  DEMO_ORGANIZER,
  eventually,
  type RepoPlatform,
  replayArchive,
  shopper,
  startRepoPlatform,
  watchOrder,
} from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * Ticketing's facts are published once each: a retry, a replay of the archive or a concurrent
 * twin that finds one already on the bus publishes nothing more.
 */
let local: RepoPlatform;
let owner: string;
const startedAt = new Date(Date.now() - 1_000);

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  owner = await local.signIn(DEMO_ORGANIZER);
}, 90_000);
afterAll(() => local?.close());

const cart = () => ({
  eventId: local.seed?.event.eventId,
  items: [{ ticketTypeId: local.seed?.event.ticketTypes[0]?.ticketTypeId, quantity: 1 }],
  address: { country: 'US', postalCode: '10036', state: 'NY' },
  buyer: { email: 'once@example.com', name: 'Once' },
});

it('holds seats once, and publishes SeatsHeld once, for five checkouts sent at once with one Idempotency-Key', async () => {
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      callApi(local, 'POST', '/payments/createPaymentIntent', {
        body: cart(),
        headers: { 'idempotency-key': 'five-at-once' },
      }),
    ),
  );
  const orderIds = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.orderId));
  expect(orderIds.size).toBe(1);
  const [orderId] = [...orderIds];
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await archivedEvents(local, 'SeatsHeld', orderId)).toHaveLength(1);
});

it('voids a refunded order’s tickets with one TicketsVoided, however often the archive is replayed', async () => {
  const buyer = shopper(local.endpoints);
  const { buyer: who, ...order } = cart();
  const placed = await buyer.createPaymentIntent(
    order as Parameters<typeof buyer.createPaymentIntent>[0],
    who,
  );
  await buyer.pay(placed.paymentIntentId);
  const paid = await watchOrder(buyer, placed.orderId, placed.orderToken, { timeoutMs: 60_000 });
  expect(paid.status).toBe('FULFILLED');
  const refund = await callApi(local, 'POST', `/orders/${placed.orderId}/refunds`, {
    token: owner,
    body: {},
    headers: { 'idempotency-key': 'refund-once' },
  });
  expect(refund.status).toBe(202);
  const voided = () => archivedEvents(local, 'TicketsVoided', placed.orderId);
  await eventually(voided, (events) => events.length > 0, 60_000);

  expect(await replayArchive(local, startedAt, 'published-once-1')).toBe('COMPLETED');
  expect(await replayArchive(local, startedAt, 'published-once-2')).toBe('COMPLETED');
  const redelivered = () =>
    local.lines.filter((l) => l.includes('Voided tickets') && l.includes(placed.orderId)).length;
  await eventually(
    async () => redelivered(),
    (n) => n >= 3,
    60_000,
  );
  expect(await voided()).toHaveLength(1);
  expect(await archivedEvents(local, 'HoldReleased', placed.orderId)).toHaveLength(0);
}, 240_000);
