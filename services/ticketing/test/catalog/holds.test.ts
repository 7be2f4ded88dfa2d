import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PaymentCanceled } from '@mytabs/contracts';
import { localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archived,
  available,
  eventually,
  holdAsPayments,
  organizerOf,
  publishedEvent,
} from './actors.ts';

let local: RepoPlatform;
let hold: ReturnType<typeof holdAsPayments>;
let organizer: Awaited<ReturnType<typeof organizerOf>>;

beforeAll(async () => {
  local = await startRepoPlatform({
    ledger: {
      facts:
        'puts one PaymentCanceled on the bus twice itself, and has the sweeper report a stuck hold again under its key (its designed re-report)',
    },
  });
  hold = holdAsPayments(local);
  organizer = await organizerOf(local, 'holds@example.com', 'Holds Hall');
}, 60_000);
afterAll(() => local?.close());

const cancelPayment = (orderId: string) =>
  new EventBridgeClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'payments.test', secretAccessKey: 'test' },
  }).send(
    new PutEventsCommand({
      Entries: [
        {
          ...PaymentCanceled.build(
            { orderId, paymentIntentId: `pi_${orderId.slice(4)}` },
            { idempotencyKey: `PaymentCanceled:${orderId}`, correlationId: orderId },
          ),
          EventBusName: localNames.bus,
        },
      ],
    }),
  );

describe('holding seats', () => {
  it('never oversells: 50 buyers at once for the last 10 seats, exactly 10 get them', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hold(`ord_flash${i}x`, eventId, ticketTypeId, 1)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.refusal.code)).toEqual(
      Array(40).fill('sold-out'),
    );
    expect(await available(local, eventId, ticketTypeId)).toBe(0);
  }, 60_000);

  it('counts a retried hold of the same order once', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    const first = await hold('ord_retried1', eventId, ticketTypeId, 3);
    const again = await hold('ord_retried1', eventId, ticketTypeId, 3);
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true, holdExpiresAt: first.ok && first.holdExpiresAt });
    expect(await available(local, eventId, ticketTypeId)).toBe(7);
  });

  it('refuses more than the per-order limit and holds nothing', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    expect(await hold('ord_greedy1', eventId, ticketTypeId, 5)).toMatchObject({
      ok: false,
      refusal: { code: 'over-per-order-limit' },
    });
    expect(await available(local, eventId, ticketTypeId)).toBe(10);
  });

  it('refuses a caller the manifest does not allow', async () => {
    const stranger = new LambdaClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'orders.test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    await expect(
      stranger.send(
        new InvokeCommand({
          FunctionName: localNames.function('ticketing', 'holdSeats'),
          Payload: '{}',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('releasing seats', () => {
  it('gives them back once when PaymentCanceled arrives twice', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    await hold('ord_canceled1', eventId, ticketTypeId, 4);
    expect(await available(local, eventId, ticketTypeId)).toBe(6);
    await cancelPayment('ord_canceled1');
    await cancelPayment('ord_canceled1');
    expect(
      await eventually(
        () => available(local, eventId, ticketTypeId),
        (n) => n === 10,
      ),
    ).toBe(10);
    const released = await eventually(
      () => archived(local, 'HoldReleased'),
      (events) => events.some((e) => JSON.stringify(e.detail).includes('ord_canceled1')),
    );
    expect(released.some((e) => JSON.stringify(e.detail).includes('ord_canceled1'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await available(local, eventId, ticketTypeId)).toBe(10);
  });
});

describe('the hold sweeper', () => {
  const edge = () => ({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  /** Time passing, as far as one hold is concerned: its expiry (and next sweep) move into the past. */
  const expire = (orderId: string) =>
    DynamoDBDocumentClient.from(new DynamoDBClient(edge())).send(
      new UpdateCommand({
        TableName: localNames.table('ticketing'),
        Key: { pk: `HOLD#${orderId}`, sk: 'HOLD' },
        UpdateExpression: 'SET expiresAt = :past, sweepAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
  const sweep = async () => {
    const { Payload } = await new LambdaClient(edge()).send(
      new InvokeCommand({
        FunctionName: localNames.function('ticketing', 'expireHolds'),
        Payload: '{}',
      }),
    );
    return JSON.parse(Buffer.from(Payload ?? []).toString()) as { reported: number };
  };
  const expiredFor = async (orderId: string) =>
    (await archived(local, 'HoldExpired')).filter((e) =>
      JSON.stringify(e.detail).includes(orderId),
    );

  it('reports each expired hold once and releases nothing', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    await hold('ord_sleepy01', eventId, ticketTypeId, 2);
    await hold('ord_awake001', eventId, ticketTypeId, 1);
    await expire('ord_sleepy01');

    expect(await sweep()).toEqual({ reported: 1 });
    expect(await sweep()).toEqual({ reported: 0 });
    expect(await expiredFor('ord_sleepy01')).toHaveLength(1);
    expect(await expiredFor('ord_awake001')).toHaveLength(0);
    expect(await available(local, eventId, ticketTypeId)).toBe(7);
  });

  it('reports a hold again if it is still active minutes later (its cancel or release failed)', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(organizer, 10);
    await hold('ord_stuck001', eventId, ticketTypeId, 1);
    await expire('ord_stuck001');
    expect(await sweep()).toEqual({ reported: 1 });
    await expire('ord_stuck001');
    expect(await sweep()).toEqual({ reported: 1 });
    const reports = await expiredFor('ord_stuck001');
    expect(reports).toHaveLength(2);
    expect(
      new Set(reports.map((e) => JSON.stringify(e.detail).match(/HoldExpired:ord_\w+/)?.[0])),
    ).toEqual(new Set(['HoldExpired:ord_stuck001']));
  });
});
