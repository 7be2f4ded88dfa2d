import { createPublicKey } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  newId,
  OrderFulfilled,
  type OrderSnapshot,
  PaymentDisputed,
  type PublicEvent,
  type TicketType,
} from '@mytabs/contracts';
import {
  apiClient,
  archivedEvents,
  credentialsFor,
  DEMO_ORGANIZER,
  localNames,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketsRepository } from '../../src/adapters/tickets-repository.ts';
import { signTicketQr, ticketSigningKey, verifyTicketQr } from '../../src/domain/ticket-qr.ts';
import { invoker, paidOrder } from './fulfillment-client.ts';

let local: RepoPlatform;
let asOrders: ReturnType<typeof invoker>;
let asPayments: ReturnType<typeof invoker>;
let db: DynamoDBDocumentClient;
let organizerToken: string;
let eventId: string;
let general: string;
const aws = () => ({
  endpoint: local.endpoints.edge,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

beforeAll(async () => {
  local = await startRepoPlatform({
    seed: true,
    ledger: {
      tickets:
        'drives ticketing’s steps directly, as orders would, for orders that orders never placed',
    },
  });
  asOrders = invoker(local, 'orders.test');
  asPayments = invoker(local, 'payments.test');
  db = DynamoDBDocumentClient.from(new DynamoDBClient(aws()));
  organizerToken = await local.signIn(DEMO_ORGANIZER);
  eventId = local.seed?.event.eventId ?? '';
  general = local.seed?.event.ticketTypes[0]?.ticketTypeId ?? '';
}, 60_000);
afterAll(() => local?.close());

const organizer = () => apiClient(local.endpoints.api, organizerToken);

/** A ticket type of its own per test, so counts are not shared. */
const smallTicketType = async (capacity: number) =>
  (
    await organizer().post<TicketType>(`/events/${eventId}/ticket-types`, {
      name: `Front row ${capacity}-${Math.random().toString(36).slice(2, 8)}`,
      price: 2000,
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity,
      perOrderLimit: capacity,
    })
  ).ticketTypeId;

const available = async (ticketTypeId: string) => {
  const event = await apiClient(local.endpoints.api).get<PublicEvent>(`/events/${eventId}`);
  return event.ticketTypes.find((t) => t.ticketTypeId === ticketTypeId)?.available;
};

const inventoryMarks = async (ticketTypeId: string) => {
  const { Item } = await db.send(
    new GetCommand({
      TableName: localNames.table('ticketing'),
      Key: { pk: `EVENT#${eventId}`, sk: `TICKETTYPE#${ticketTypeId}` },
      ConsistentRead: true,
    }),
  );
  return (Item?.holds ?? {}) as Record<string, number>;
};

const holdRecord = async (orderId: string) =>
  (
    await db.send(
      new GetCommand({
        TableName: localNames.table('ticketing'),
        Key: { pk: `HOLD#${orderId}`, sk: 'HOLD' },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** Holds seats as payments' checkout does. */
const hold = async (order: OrderSnapshot) => {
  const { result, error } = await asPayments('holdSeats', {
    orderId: order.orderId,
    eventId: order.eventId,
    items: order.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
  });
  expect(error).toBeUndefined();
  expect(result.ok).toBe(true);
};

const logsOnFailure = () => local.lines.slice(-40).join('\n');

describe('confirmHold', () => {
  it('claims a hold that expired and was reported but never released, once', async () => {
    const type = await smallTicketType(5);
    const order = paidOrder(local, [{ ticketTypeId: type, quantity: 2 }]);
    await hold(order);
    // What the sweeper leaves behind: past expiry, reported, seats still held.
    await db.send(
      new UpdateCommand({
        TableName: localNames.table('ticketing'),
        Key: { pk: `HOLD#${order.orderId}`, sk: 'HOLD' },
        UpdateExpression: 'SET expiresAt = :past, holdState = :reported',
        ExpressionAttributeValues: {
          ':past': '2020-01-01T00:00:00.000Z',
          ':reported': 'expiry-reported',
        },
      }),
    );

    expect(await asOrders('confirmHold', { order }), logsOnFailure()).toEqual({
      result: { outcome: 'claimed' },
    });
    expect(await asOrders('confirmHold', { order })).toEqual({
      result: { outcome: 'already-claimed' },
    });
    expect(await available(type)).toBe(3);
    expect((await holdRecord(order.orderId))?.state).toBe('confirmed');
    // PaymentCanceled's release leaves a confirmed hold alone; the sweeper no longer sees it.
    expect((await holdRecord(order.orderId))?.holdState).toBeUndefined();
  }, 30_000);

  it('holds the seats again when the hold is gone and seats remain', async () => {
    const type = await smallTicketType(5);
    const released = paidOrder(local, [{ ticketTypeId: type, quantity: 2 }]);
    await hold(released);
    expect((await asOrders('releaseSeats', { orderId: released.orderId })).result).toEqual({
      outcome: 'released',
    });
    expect(await available(type)).toBe(5);
    const neverHeld = paidOrder(local, [{ ticketTypeId: type, quantity: 1 }]);

    expect((await asOrders('confirmHold', { order: released })).result).toEqual({
      outcome: 'reheld',
    });
    expect((await asOrders('confirmHold', { order: neverHeld })).result).toEqual({
      outcome: 'reheld',
    });
    expect((await asOrders('confirmHold', { order: neverHeld })).result).toEqual({
      outcome: 'already-claimed',
    });
    expect(await available(type)).toBe(2);
  }, 30_000);

  it('fails with SeatsUnavailable when the hold is gone and the seats are sold', async () => {
    const type = await smallTicketType(3);
    const winner = paidOrder(local, [{ ticketTypeId: type, quantity: 3 }]);
    await hold(winner);
    const loser = paidOrder(local, [{ ticketTypeId: type, quantity: 1 }]);

    const { error } = await asOrders('confirmHold', { order: loser });
    expect(error?.errorType).toBe('SeatsUnavailable');
    expect(await available(type)).toBe(0);
    expect((await holdRecord(loser.orderId))?.state).toBe('refused');
    expect((await asOrders('releaseSeats', { orderId: loser.orderId })).result).toEqual({
      outcome: 'nothing-held',
    });
    expect(await available(type)).toBe(0);
  }, 30_000);
});

describe('releaseSeats', () => {
  it("returns a confirmed but unfulfilled order's seats exactly once", async () => {
    const type = await smallTicketType(4);
    const order = paidOrder(local, [{ ticketTypeId: type, quantity: 3 }]);
    await hold(order);
    await asOrders('confirmHold', { order });
    expect(await available(type)).toBe(1);

    expect((await asOrders('releaseSeats', { orderId: order.orderId })).result).toEqual({
      outcome: 'released',
    });
    expect((await asOrders('releaseSeats', { orderId: order.orderId })).result).toEqual({
      outcome: 'nothing-held',
    });
    expect(await available(type)).toBe(4);
    expect((await holdRecord(order.orderId))?.state).toBe('released');
  }, 30_000);
});

describe('settlement', () => {
  it("forgets a fulfilled order's inventory marks and never counts its seats again", async () => {
    const type = await smallTicketType(4);
    const order = paidOrder(local, [{ ticketTypeId: type, quantity: 2 }]);
    await hold(order);
    await asOrders('confirmHold', { order });
    expect(Object.keys(await inventoryMarks(type))).toEqual([order.orderId]);

    const events = new EventBridgeClient({ ...aws(), credentials: credentialsFor('orders.test') });
    const fulfilled = OrderFulfilled.build(
      {
        orderId: order.orderId,
        eventId: order.eventId,
        businessId: order.businessId,
        ticketIds: [`tkt_${order.orderId}_0_0`, `tkt_${order.orderId}_0_1`],
        amount: order.amount,
        currency: order.currency,
      },
      { idempotencyKey: `OrderFulfilled:${order.orderId}`, correlationId: order.orderId },
    );
    await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: localNames.bus,
            Source: fulfilled.Source,
            DetailType: fulfilled.DetailType,
            Detail: fulfilled.Detail,
          },
        ],
      }),
    );
    await expect
      .poll(async () => (await holdRecord(order.orderId))?.settledAt, { timeout: 10_000 })
      .toBeTruthy();
    await expect.poll(async () => inventoryMarks(type), { timeout: 10_000 }).toEqual({});

    // A late repeat of the workflow step or of the checkout's hold counts nothing twice.
    expect((await asOrders('confirmHold', { order })).result).toEqual({
      outcome: 'already-claimed',
    });
    await hold(order);
    expect(await available(type)).toBe(2);
    expect((await asOrders('releaseSeats', { orderId: order.orderId })).result).toEqual({
      outcome: 'nothing-held',
    });
    expect(await available(type)).toBe(2);
  }, 30_000);
});

describe('tickets, attendees and check-in', () => {
  const ticketKey = async () => {
    const secrets = new SecretsManagerClient(aws());
    const { SecretString } = await secrets.send(
      new GetSecretValueCommand({ SecretId: localNames.secret('ticketing', 'ticket-ed25519-key') }),
    );
    return ticketSigningKey(SecretString ?? '');
  };

  it('issues the same signed tickets however often asked, and lists and admits attendees once', async () => {
    const order = paidOrder(
      local,
      [{ ticketTypeId: general, quantity: 3 }],
      [{ name: 'Ann, "the first"', email: 'ann@example.com' }],
    );
    await hold(order);
    await asOrders('confirmHold', { order });

    const first = await asOrders('issueTickets', { order });
    expect(first.error, logsOnFailure()).toBeUndefined();
    const again = await asOrders('issueTickets', { order });
    expect(again.result).toEqual(first.result);
    // With the event they admit to, for the confirmation to print: as the buyer sees it listed.
    const listedEvent = await apiClient(local.endpoints.api).get<PublicEvent>(`/events/${eventId}`);
    expect(first.result.event).toEqual({
      eventId,
      name: listedEvent.name,
      startsAt: listedEvent.startsAt,
      timeZone: listedEvent.timeZone,
      venue: listedEvent.venue,
    });
    const tickets = first.result.tickets as OrderSnapshot['tickets'];
    expect(tickets.map((t) => [t.ticketId, t.attendee.name])).toEqual([
      [`tkt_${order.orderId}_0_0`, 'Ann, "the first"'],
      [`tkt_${order.orderId}_0_1`, 'Bea Buyer'],
      [`tkt_${order.orderId}_0_2`, 'Bea Buyer'],
    ]);
    // A door scanner with only the public key can check every code offline.
    const publicKey = createPublicKey(await ticketKey());
    for (const t of tickets) {
      expect(verifyTicketQr(t.qr, publicKey)).toMatchObject({ ticketId: t.ticketId, eventId });
    }

    expect((await asOrders('recordAttendees', { order, tickets })).result).toEqual({ recorded: 3 });
    expect((await asOrders('recordAttendees', { order, tickets })).result).toEqual({ recorded: 3 });
    // A repeated step publishes its fact no more.
    expect(await archivedEvents(local, 'TicketsIssued', order.orderId)).toHaveLength(1);
    expect(await archivedEvents(local, 'AttendeesRecorded', order.orderId)).toHaveLength(1);

    const listed = await fetch(`${local.endpoints.api}/events/${eventId}/attendees?limit=1000`, {
      headers: { authorization: `Bearer ${organizerToken}` },
    });
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: { orderId: string }[] };
    const mine = items.filter((i) => i.orderId === order.orderId);
    expect(mine).toHaveLength(3);
    expect(mine[0]).toEqual({
      ticketId: tickets[0]?.ticketId,
      ticketTypeId: general,
      orderId: order.orderId,
      name: 'Ann, "the first"',
      email: 'ann@example.com',
      checkedIn: false,
    });

    const scan = (qr: string) =>
      fetch(`${local.endpoints.api}/events/${eventId}/check-ins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${organizerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ qr }),
      });
    const admitted = await scan(tickets[0]?.qr ?? '');
    expect(admitted.status).toBe(201);
    const admission = (await admitted.json()) as { checkedInAt: string };
    expect(admission).toMatchObject({
      ticketId: tickets[0]?.ticketId,
      eventId,
      attendee: { name: 'Ann, "the first"', email: 'ann@example.com' },
    });
    const second = await scan(tickets[0]?.qr ?? '');
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ checkedInAt: admission.checkedInAt });

    const tampered = `${tickets[1]?.qr.slice(0, -4)}AAAA`;
    expect((await scan(tampered)).status).toBe(400);
    const otherEvent = signTicketQr(
      {
        ticketId: tickets[1]?.ticketId ?? '',
        ticketTypeId: general,
        orderId: order.orderId,
        eventId: 'ev_another0000',
      },
      await ticketKey(),
    );
    expect((await scan(otherEvent)).status).toBe(409);

    const csv = await fetch(`${local.endpoints.api}/events/${eventId}/attendees`, {
      headers: { authorization: `Bearer ${organizerToken}`, accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).split('\r\n');
    expect(rows[0]).toBe('ticketId,ticketTypeId,orderId,name,email,checkedIn,checkedInAt');
    expect(rows).toContain(
      `${tickets[0]?.ticketId},${general},${order.orderId},"Ann, ""the first""",ann@example.com,true,${admission.checkedInAt}`,
    );
  }, 60_000);

  it('refuses at the door the tickets of a disputed order', async () => {
    const order = paidOrder(local, [{ ticketTypeId: general, quantity: 1 }]);
    await hold(order);
    await asOrders('confirmHold', { order });
    const { tickets } = (await asOrders('issueTickets', { order })).result as OrderSnapshot;
    await asOrders('recordAttendees', { order, tickets });

    const disputed = PaymentDisputed.build(
      {
        orderId: order.orderId,
        paymentIntentId: order.paymentIntentId,
        chargeId: 'ch_disputed01',
        disputeId: 'dp_disputed01',
        amount: order.amount,
        currency: order.currency,
        reason: 'fraudulent',
      },
      { idempotencyKey: `PaymentDisputed:dp_disputed01`, correlationId: order.orderId },
    );
    const events = new EventBridgeClient({
      ...aws(),
      credentials: credentialsFor('payments.test'),
    });
    await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: localNames.bus,
            Source: disputed.Source,
            DetailType: disputed.DetailType,
            Detail: disputed.Detail,
          },
        ],
      }),
    );
    await expect
      .poll(
        async () =>
          (
            await db.send(
              new GetCommand({
                TableName: localNames.table('ticketing'),
                Key: { pk: `TICKETS#${order.orderId}`, sk: 'VOID' },
                ConsistentRead: true,
              }),
            )
          ).Item?.reason,
        { timeout: 10_000 },
      )
      .toBe('disputed');
    const scan = await fetch(`${local.endpoints.api}/events/${eventId}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ qr: tickets[0]?.qr }),
    });
    expect(scan.status).toBe(409);
    expect(await scan.json()).toMatchObject({ voided: 'disputed' });
    // Issuing again (a redrive) returns the same tickets, voided: the void mark is not one of them.
    expect((await asOrders('issueTickets', { order })).result).toMatchObject({
      tickets,
      voided: 'disputed',
    });
  }, 30_000);

  it('announces TicketsVoided once, naming every ticket, whichever of a dispute and the issuing comes first', async () => {
    const orders = Array.from({ length: 4 }, () =>
      paidOrder(local, [{ ticketTypeId: general, quantity: 3 }]),
    );
    const events = new EventBridgeClient({
      ...aws(),
      credentials: credentialsFor('payments.test'),
    });
    await Promise.all(
      orders.map(async (order) => {
        await hold(order);
        await asOrders('confirmHold', { order });
        const disputed = PaymentDisputed.build(
          {
            orderId: order.orderId,
            paymentIntentId: order.paymentIntentId,
            chargeId: `ch_${order.orderId.slice(4)}`,
            disputeId: `dp_${order.orderId.slice(4)}`,
            amount: order.amount,
            currency: order.currency,
            reason: 'fraudulent',
          },
          { idempotencyKey: `PaymentDisputed:${order.orderId}`, correlationId: order.orderId },
        );
        await Promise.all([
          asOrders('issueTickets', { order }),
          events.send(
            new PutEventsCommand({
              Entries: [{ ...disputed, EventBusName: localNames.bus }],
            }),
          ),
        ]);
      }),
    );
    events.destroy();
    for (const order of orders) {
      await expect
        .poll(async () => (await archivedEvents(local, 'TicketsVoided', order.orderId)).length, {
          timeout: 20_000,
        })
        .toBe(1);
    }
    // Both sides have had their say: whichever announced, nobody announces again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const order of orders) {
      const [voided, ...again] = await archivedEvents(local, 'TicketsVoided', order.orderId);
      expect(again).toEqual([]);
      expect(voided?.detail.data).toMatchObject({
        reason: 'disputed',
        ticketIds: [expect.any(String), expect.any(String), expect.any(String)],
      });
    }
  }, 60_000);

  it('lets one side announce a void when both claim it at once, and that side again on a retry', async () => {
    const tickets = ticketsRepository(db, localNames.table('ticketing'));
    const orderId = newId('ord');
    const claims = await Promise.all([
      tickets.claimVoidAnnouncement(orderId, 'issueTickets'),
      tickets.claimVoidAnnouncement(orderId, 'voidTickets'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims[0] ? 'issueTickets' : 'voidTickets';
    expect(await tickets.claimVoidAnnouncement(orderId, winner)).toBe(true);
  });

  it('hides the attendee list and the door from users outside the business', async () => {
    const stranger = await local.signIn({
      email: 'stranger@example.com',
      password: 'Stranger-pass-2026!',
      name: 'Stan Ger',
    });
    const list = await fetch(`${local.endpoints.api}/events/${eventId}/attendees`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(list.status).toBe(404);
    const scan = await fetch(`${local.endpoints.api}/events/${eventId}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stranger}`, 'content-type': 'application/json' },
      body: JSON.stringify({ qr: 'mtt1.x.y' }),
    });
    expect(scan.status).toBe(404);
  }, 30_000);
});
