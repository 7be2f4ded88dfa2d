import { InvokeCommand } from '@aws-sdk/client-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stuckOrders } from '../src/stuck-orders.ts';
import { openTarget, type Target } from '../src/target.ts';

/**
 * The alarm's measure and the operator's `orders stuck` count the same orders: orders'
 * scheduled function, invoked as its schedule would, against the CLI's query, on one table.
 */
const SLOW_MS = 120_000;

let local: RepoPlatform;
let target: Target;
beforeAll(async () => {
  local = await startRepoPlatform();
  target = await openTarget({
    stage: 'local',
    region: 'us-east-1',
    endpoint: local.endpoints.edge,
  });
}, SLOW_MS);
afterAll(async () => {
  target?.close();
  await local?.close();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** An order item as orders writes it, with only what being stuck reads. */
const putOrder = (orderId: string, status: string, updatedAt: string) =>
  target.dynamodb.send(
    new PutCommand({
      TableName: target.names.table('orders'),
      Item: {
        pk: `ORDER#${orderId}`,
        sk: 'ORDER',
        orderId,
        status,
        updatedAt,
        paymentIntentId: `pi_${orderId}`,
        amount: 2500,
        currency: 'usd',
        buyer: { email: 'olga@example.com' },
      },
    }),
  );

const measure = async () => {
  const answer = await target
    .lambdaAs('orders')
    .send(
      new InvokeCommand({ FunctionName: target.names.function('orders', 'measureStuckOrders') }),
    );
  return JSON.parse(new TextDecoder().decode(answer.Payload)) as { paidNotFulfilled: number };
};

/** The metric the alarm reads, from the function's EMF lines (the local log shows them `METRICS name=value`). */
const publishedCounts = () =>
  local.lines.flatMap((line) => {
    const value = /METRICS .*OrdersPaidNotFulfilled=(\d+)/.exec(line)?.[1];
    return value === undefined ? [] : [Number(value)];
  });

it(
  'publishes the number of orders paid and not fulfilled after 15 minutes, the same the CLI lists',
  async () => {
    expect(await measure()).toEqual({ paidNotFulfilled: 0 });
    await putOrder('ord_stuck1', 'PAID', minutesAgo(20));
    await putOrder('ord_stuck2', 'PAID', minutesAgo(45));
    await putOrder('ord_recent', 'PAID', minutesAgo(5));
    await putOrder('ord_done', 'FULFILLED', minutesAgo(60));

    expect(await measure()).toEqual({ paidNotFulfilled: 2 });
    const listed = await stuckOrders(target, { olderThanMs: 15 * 60_000 });
    expect(
      listed
        .filter((o) => o.reason === 'paid-not-fulfilled')
        .map((o) => o.orderId)
        .sort(),
    ).toEqual(['ord_stuck1', 'ord_stuck2']);
    expect(publishedCounts().slice(-2)).toEqual([0, 2]);
  },
  SLOW_MS,
);
