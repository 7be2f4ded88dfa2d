import { DEMO_ORGANIZER, DEMO_STAFF, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, cartOf, eventually, stripeFor, userToken } from './actors.ts';

let local: RepoPlatform;
let owner: string;
let eventId: string;
let seen = 0;

interface Listed {
  orderId: string;
  status: string;
  buyer: { email: string; name: string };
  amount: number;
  currency: string;
  ticketCount: number;
  createdAt: string;
}

/** The orders this file placed, oldest first: `olga` twice, `pat` and `quinn` once each. */
const placed: { orderId: string; email: string; seats: number; amount: number }[] = [];

const place = async (email: string, seats: number) => {
  const answer = await call(local, 'POST', '/payments/createPaymentIntent', {
    body: { ...cartOf(local, seats), buyer: { email, name: email.split('@')[0] } },
  });
  expect(answer.status).toBe(201);
  placed.push({ orderId: answer.body.orderId, email, seats, amount: answer.body.amount });
  return answer.body as { orderId: string; paymentIntentId: string; orderToken: string };
};

const list = (query: string, token = owner) =>
  call(local, 'GET', `/events/${eventId}/orders${query}`, { token });

/** Every page of a listing, following `nextCursor`: the orders in the order they came. */
const everyPage = async (query: string) => {
  const items: Listed[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(`?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  return { ids: items.map((i) => i.orderId), items, pages };
};

const newestFirst = (orders: { orderId: string }[]) => orders.map((o) => o.orderId).reverse();

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  owner = await local.signIn(DEMO_ORGANIZER);
  eventId = local.seed?.event.eventId as string;
  await place('Olga.Buyer@example.com', 2);
  await place('pat@example.com', 1);
  const paid = await place('quinn@example.com', 3);
  await place('olga.buyer@example.com', 1);
  await stripeFor(local).paymentIntents.confirm(paid.paymentIntentId, {
    payment_method: 'pm_card_visa',
  });
  // The fulfillment's chain of functions starts cold: a minute, as orders-api.test.ts allows.
  await eventually(
    () => call(local, 'GET', `/orders/${paid.orderId}`, { token: paid.orderToken }),
    (a) => a.body?.status === 'FULFILLED',
    60_000,
  );
});
afterAll(() => local?.close());
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

describe("an event's orders, as its organizers list them", () => {
  it('come newest first, each exactly once across pages, with buyer, amount, tickets and time', async () => {
    const { ids, items, pages } = await everyPage('limit=1');
    expect(pages).toBeGreaterThanOrEqual(placed.length);
    expect(ids).toEqual(newestFirst(placed));
    for (const order of placed) {
      expect(items.find((i) => i.orderId === order.orderId)).toMatchObject({
        buyer: { email: order.email },
        amount: order.amount,
        currency: 'usd',
        ticketCount: order.seats,
      });
    }
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('are filtered by status, by buyer whatever the case, and by time placed, across pages', async () => {
    const fulfilled = await everyPage('status=FULFILLED&limit=1');
    expect(fulfilled.ids).toEqual([placed[2]?.orderId]);
    expect(fulfilled.items[0]?.status).toBe('FULFILLED');

    const olga = await everyPage(
      `buyerEmail=${encodeURIComponent('OLGA.buyer@Example.com')}&limit=1`,
    );
    expect(olga.ids).toEqual([placed[3]?.orderId, placed[0]?.orderId]);

    const all = (await everyPage('limit=100')).items;
    const createdAt = (orderId?: string) => all.find((i) => i.orderId === orderId)?.createdAt;
    const after = await everyPage(`createdAfter=${createdAt(placed[1]?.orderId)}&limit=1`);
    expect(after.ids).toEqual(newestFirst(placed.slice(2)));
    const before = await everyPage(`createdBefore=${createdAt(placed[1]?.orderId)}`);
    expect(before.ids).toEqual([placed[0]?.orderId]);
    const between = await everyPage(
      `createdAfter=${createdAt(placed[0]?.orderId)}&createdBefore=${createdAt(placed[3]?.orderId)}&status=PENDING_PAYMENT`,
    );
    expect(between.ids).toEqual([placed[1]?.orderId]);
  });

  it('are shown to owners and managers; staff are refused with 403, anyone else told no such event', async () => {
    const manager = await userToken(local, 'mia.manager@example.com');
    await call(local, 'GET', '/users/me', { token: manager });
    const added = await call(
      local,
      'POST',
      `/businesses/${local.seed?.business.businessId}/members`,
      {
        token: owner,
        body: { email: 'mia.manager@example.com', role: 'manager' },
      },
    );
    expect(added.status).toBe(201);
    const managed = await list('', manager);
    expect(managed.status).toBe(200);
    expect(managed.body.items).toHaveLength(placed.length);

    const staff = await local.signIn(DEMO_STAFF);
    const refused = await list('', staff);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 403, code: 'role-forbids' });

    const stranger = await list('', await userToken(local, 'stranger@example.com'));
    expect(stranger.status).toBe(404);
    expect((await call(local, 'GET', `/events/${eventId}/orders`)).status).toBe(401);
    const unknown = await call(local, 'GET', '/events/ev_0000000000000000/orders', {
      token: owner,
    });
    expect(unknown.status).toBe(404);
  });

  it('refuse a bad filter or a cursor they did not give out with 400 naming the field', async () => {
    const status = await list('?status=SHIPPED');
    expect(status.status).toBe(400);
    expect(status.body.errors).toEqual([expect.objectContaining({ path: 'query.status' })]);
    const backwards = await list(
      '?createdAfter=2026-12-02T10:00:00Z&createdBefore=2026-12-02T09:00:00Z',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ path: 'query.createdBefore' }),
    ]);
    const cursor = await list('?cursor=bm90LWEta2V5');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });
});
