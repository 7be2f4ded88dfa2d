import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  apiClient,
  archivedEvents,
  callApi,
  credentialsFor,
  DEMO_ORGANIZER,
  eventually,
  localNames,
  type RepoPlatform,
  replayArchive,
  shopper,
  startRepoPlatform,
  watchOrder,
} from '@mytabs/local';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inbox as inboxAt, type StoredEmail } from './received-email.ts';

let local: RepoPlatform;
let owner: string;
let seen = 0;
const startedAt = new Date(Date.now() - 1_000);
const run = Date.now();

/** The fulfillment's chain of functions starts cold on a busy machine: a minute at most. */
const SLOW_MS = 60_000;
const DAY_MS = 24 * 3600_000;

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  owner = await local.signIn(DEMO_ORGANIZER);
}, SLOW_MS);
afterAll(() => local?.close());
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

const venue = {
  name: 'Blue Door Hall',
  line1: '120 W 44th St',
  city: 'New York',
  state: 'NY',
  postalCode: '10036',
  country: 'US',
};

/** A published event of the demo business, starting `startsAt`, with one ticket type. */
const publishedEvent = async (name: string, startsAt: Date) => {
  const api = apiClient(local.endpoints.api, owner);
  const event = await api.post<{ eventId: string }>('/events', {
    businessId: local.seed?.business.businessId,
    name,
    startsAt: startsAt.toISOString(),
    timeZone: 'America/New_York',
    currency: 'usd',
    venue,
  });
  const { ticketTypeId } = await api.post<{ ticketTypeId: string }>(
    `/events/${event.eventId}/ticket-types`,
    {
      name: 'General admission',
      price: 4500,
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity: 50,
      perOrderLimit: 8,
    },
  );
  await api.patch(`/events/${event.eventId}`, { status: 'published' });
  return { eventId: event.eventId, ticketTypeId, startsAt };
};

type Event = Awaited<ReturnType<typeof publishedEvent>>;

const buyerEmail = (name: string) => `${name}+${run}@example.com`;

/** A buyer's order of `seats` tickets, paid and fulfilled unless `pay` is false. */
const order = async (event: Event, name: string, { seats = 1, pay = true } = {}) => {
  const buyer = shopper(local.endpoints);
  const placed = await buyer.createPaymentIntent(
    {
      eventId: event.eventId,
      items: [{ ticketTypeId: event.ticketTypeId, quantity: seats }],
      address: { country: 'US', postalCode: '10036', state: 'NY' },
    },
    { email: buyerEmail(name), name },
  );
  if (pay) {
    await buyer.pay(placed.paymentIntentId);
    const paid = await watchOrder(buyer, placed.orderId, placed.orderToken, {
      timeoutMs: SLOW_MS,
    });
    expect(paid.status).toBe('FULFILLED');
  }
  return { ...placed, email: buyerEmail(name) };
};

const refund = (orderId: string, amount: number | undefined, key: string) =>
  callApi(local, 'POST', `/orders/${orderId}/refunds`, {
    token: owner,
    body: amount === undefined ? {} : { amount },
    headers: { 'idempotency-key': `${key}-${run}` },
  });

/** The emails one buyer received whose subject matches. */
const mail = async (name: string, subject: RegExp) =>
  (await inboxAt(local.endpoints.ses, buyerEmail(name))).filter((e) => subject.test(e.subject));

const arrived = (name: string, subject: RegExp, count = 1) =>
  eventually(
    () => mail(name, subject),
    (emails) => emails.length >= count,
    SLOW_MS,
  );

/** The reminder scan as its rate rule starts it, the rule having fired at `time`. */
const scanAt = async (time: Date) => {
  const lambda = new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor('events'),
  });
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: localNames.function('notifications', 'sendReminders'),
      Payload: Buffer.from(
        JSON.stringify({
          version: '0',
          id: `scan-${time.getTime()}`,
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: '000000000000',
          time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          region: 'us-east-1',
          resources: [],
          detail: {},
        }),
      ),
    }),
  );
  const body = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'));
  if (out.FunctionError) throw new Error(`the scan failed: ${JSON.stringify(body)}`);
  return body as { events: number; sent: number; alreadySent: number; failed: number };
};

/** Both parts of an email, as a mail client shows one or the other. */
const rendered = (email: StoredEmail | undefined) => ({
  text: email?.body.text ?? '',
  html: email?.body.html ?? '',
});

const NEW_VENUE = /: new venue$/;
const REMINDER = /^Reminder: /;
const REFUND = /refund/i;

describe('emails around an event', () => {
  let moved: Event;
  let reminded: Event;
  const orders: Record<string, Awaited<ReturnType<typeof order>>> = {};

  it(
    'tells each order’s buyer once of a venue change, and a second identical PATCH tells no one',
    async () => {
      moved = await publishedEvent(`Moved night ${run}`, new Date(Date.now() + 5 * DAY_MS));
      orders.ana = await order(moved, 'ana', { seats: 2 });
      orders.ben = await order(moved, 'ben');
      orders.unpaid = await order(moved, 'cy', { pay: false });

      const newVenue = { ...venue, name: 'Harbor Pavilion', line1: '6 Furman St' };
      const patch = () =>
        callApi(local, 'PATCH', `/events/${moved.eventId}`, {
          token: owner,
          body: { venue: newVenue },
        });
      expect((await patch()).status).toBe(200);
      const [email] = await arrived('ana', NEW_VENUE);
      expect(await arrived('ben', NEW_VENUE)).toHaveLength(1);

      const { text, html } = rendered(email);
      for (const part of [text, html]) {
        expect(part).toContain('Harbor Pavilion');
        expect(part).toContain('6 Furman St');
        expect(part).toContain('was Blue Door Hall');
        expect(part).toContain(orders.ana.orderId);
      }
      expect(text).toContain('2 tickets');
      expect(html).toMatch(/^<!doctype html>/);

      expect((await patch()).status).toBe(200);
      const changes = (await archivedEvents(local, 'EventChanged')).filter(
        (e) => e.detail.data.eventId === moved.eventId,
      );
      expect(changes).toHaveLength(1);
      expect(changes[0]?.detail.data).toMatchObject({ changed: ['venue'] });
      // The unpaid order's buyer holds no tickets: nothing to tell them.
      expect(await mail('cy', /./)).toHaveLength(0);
      expect(await mail('ana', NEW_VENUE)).toHaveLength(1);
    },
    4 * SLOW_MS,
  );

  it(
    'sends one email for a partial refund, with its amount and what it covers',
    async () => {
      expect((await refund(orders.ana?.orderId ?? '', 700, 'part')).status).toBe(202);
      const [email] = await arrived('ana', REFUND);
      expect(email?.subject).toBe(`Partial refund of your order ${orders.ana?.orderId}: $7.00`);
      const { text, html } = rendered(email);
      for (const part of [text, html]) {
        expect(part).toContain('$7.00');
        expect(part).toMatch(/2 tickets stay valid/);
      }
      expect(await mail('ana', REFUND)).toHaveLength(1);
    },
    2 * SLOW_MS,
  );

  it(
    'reminds each buyer with valid tickets once, the day before, however many scans run',
    async () => {
      reminded = await publishedEvent(`Reminded night ${run}`, new Date(Date.now() + 2 * DAY_MS));
      orders.dee = await order(reminded, 'dee');
      orders.eve = await order(reminded, 'eve', { seats: 3 });
      orders.fay = await order(reminded, 'fay');
      orders.gus = await order(reminded, 'gus', { pay: false });
      expect((await refund(orders.eve?.orderId ?? '', 500, 'eve')).status).toBe(202);
      expect((await refund(orders.fay?.orderId ?? '', undefined, 'fay')).status).toBe(202);
      await arrived('fay', REFUND);
      await arrived('eve', REFUND);

      const dayBefore = new Date(reminded.startsAt.getTime() - DAY_MS + 3600_000);
      // Two days ahead, the scan finds nothing to remind of.
      expect(await scanAt(new Date(reminded.startsAt.getTime() - 2 * DAY_MS + 60_000))).toEqual(
        expect.objectContaining({ sent: 0 }),
      );
      expect(await scanAt(dayBefore)).toEqual({ events: 1, sent: 2, alreadySent: 0, failed: 0 });
      expect(await scanAt(new Date(dayBefore.getTime() + 15 * 60_000))).toEqual({
        events: 0,
        sent: 0,
        alreadySent: 0,
        failed: 0,
      });

      expect(await mail('dee', REMINDER)).toHaveLength(1);
      // Refunded in part: the tickets stay valid, and so does the reminder.
      const [email] = await mail('eve', REMINDER);
      expect(await mail('eve', REMINDER)).toHaveLength(1);
      expect(await mail('fay', REMINDER)).toHaveLength(0);
      expect(await mail('gus', REMINDER)).toHaveLength(0);
      const { text, html } = rendered(email);
      for (const part of [text, html]) {
        expect(part).toContain(`Reminded night ${run}`);
        expect(part).toContain('Blue Door Hall');
        expect(part).toContain('3 tickets');
        expect(part).toContain(`https://ticket.keeptabs.app/orders/${orders.eve?.orderId}?token=`);
      }
    },
    6 * SLOW_MS,
  );

  it(
    'reminds nobody of a canceled event, whose buyers hear of their refund by the cancellation email only',
    async () => {
      const canceled = await publishedEvent(
        `Canceled night ${run}`,
        new Date(Date.now() + 2 * DAY_MS),
      );
      orders.hal = await order(canceled, 'hal');
      const refundNotices = () =>
        local.lines.filter((l) =>
          l.startsWith(`${localNames.function('notifications', 'sendRefundNotice')} | REPORT`),
        ).length;
      const noticesBefore = refundNotices();
      const cancel = await callApi(local, 'POST', `/events/${canceled.eventId}/cancel`, {
        token: owner,
        body: { reason: 'The band is stuck abroad.' },
      });
      expect(cancel.status).toBe(202);
      await arrived('hal', /^Canceled: /);
      await eventually(
        () => callApi(local, 'GET', `/orders/${orders.hal?.orderId}`, { token: owner }),
        (answer) => answer.body?.status === 'REFUNDED',
        SLOW_MS,
      );

      // The refund's OrderRefunded has reached the refund notice, which sent nothing.
      await eventually(
        async () => refundNotices(),
        (n) => n > noticesBefore,
        SLOW_MS,
      );
      const dayBefore = new Date(canceled.startsAt.getTime() - DAY_MS + 3600_000);
      expect(await scanAt(dayBefore)).toEqual(expect.objectContaining({ sent: 0 }));
      expect(await mail('hal', REMINDER)).toHaveLength(0);
      expect(await mail('hal', /^Canceled: /)).toHaveLength(1);
      expect(await mail('hal', /^(Your order .* is refunded|Partial refund)/)).toHaveLength(0);
    },
    4 * SLOW_MS,
  );

  it(
    'sends nothing new when the bus’s archive is replayed',
    async () => {
      const count = async () =>
        (
          await Promise.all(
            ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'gus'].map((n) => mail(n, /./)),
          )
        ).flat().length;
      const counted = await count();
      expect(counted).toBeGreaterThan(0);

      const mark = local.lines.length;
      const state = await replayArchive(local, startedAt, `event-emails-${run}`);
      expect(state).toBe('COMPLETED');
      // Every replayed change and refund reaches its email's record again, which answers "sent".
      const replayedEmails = () =>
        local.lines
          .slice(mark)
          .filter((l) => l.includes('already-sent') && /event-changed|order-refunded/.test(l))
          .length;
      await eventually(
        async () => replayedEmails(),
        (n) => n >= 5,
        SLOW_MS,
      );
      expect(await count()).toBe(counted);
    },
    3 * SLOW_MS,
  );
});
