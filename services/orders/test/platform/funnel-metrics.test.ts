import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, cartOf, checkout, eventually, stripeFor } from './actors.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
});
afterAll(() => local?.close());

const COLD_STARTS_MS = 60_000;

/** How many times the services counted `metric` (their EMF lines, `METRICS name=value` locally). */
const counted = (metric: string) =>
  local.lines.reduce((sum, line) => {
    const value = new RegExp(`METRICS .*\\b${metric}=(\\d+)`).exec(line)?.[1];
    return sum + Number(value ?? 0);
  }, 0);

it('counts each step of the order funnel once, however often a step runs', async () => {
  const quote = await call(local, 'POST', '/payments/calculate-tax', { body: cartOf(local, 1) });
  expect(quote.status).toBe(200);
  const order = await checkout(local, 1);
  await stripeFor(local).paymentIntents.confirm(order.paymentIntentId, {
    payment_method: 'pm_card_visa',
  });
  await eventually(
    () => call(local, 'GET', `/orders/${order.orderId}`, { token: order.orderToken }),
    (a) => a.body?.status === 'FULFILLED',
    COLD_STARTS_MS,
  );
  // MarkFulfilled's metrics are flushed as its invocation ends, just after the order is saved.
  await eventually(
    async () => counted('OrdersFulfilled'),
    (n) => n === 1,
    10_000,
  );
  // A step run again (a retry, a redrive) changes nothing, and counts nothing.
  const lambda = new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'orders.test', secretAccessKey: 'x' },
  });
  const again = await lambda.send(
    new InvokeCommand({
      FunctionName: localNames.function('orders', 'markPaid'),
      Payload: JSON.stringify({ orderId: order.orderId, paymentIntentId: order.paymentIntentId }),
    }),
  );
  lambda.destroy();
  expect(again.FunctionError).toBeUndefined();
  expect(
    [
      'QuotesCalculated',
      'PaymentIntentsCreated',
      'OrdersPaid',
      'OrdersFulfilled',
      'OrdersFailed',
    ].map(counted),
  ).toEqual([1, 1, 1, 1, 0]);
}, 120_000);
