import { randomUUID } from 'node:crypto';
import { UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { PaymentCanceled, PaymentFailed } from '@mytabs/contracts';
import {
  DEMO_ORGANIZER,
  localArns,
  localNames,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executionArnOf } from '../../src/domain/fulfillment-start.ts';
import {
  archived,
  BUYER,
  call,
  cartOf,
  checkout,
  claimsOf,
  cognito,
  eventually,
  signIn,
  stripeFor,
  userToken,
} from './actors.ts';

let local: RepoPlatform;
let stripe: Stripe;
let organizer: string;
let seen = 0;

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  stripe = stripeFor(local);
  organizer = await local.signIn(DEMO_ORGANIZER);
});
afterAll(async () => {
  await local?.close();
});
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

const getOrder = (orderId: string, token?: string) =>
  call(local, 'GET', `/orders/${orderId}`, { ...(token && { token }) });

const statusOf = async (orderId: string, token: string) =>
  (await getOrder(orderId, token)).body?.status as string | undefined;

/**
 * The first order this file's platform fulfils wakes the fulfillment's chain of functions for the
 * first time: under the whole suite's load on 2 cores that took over 20 s (each cold start 2 to
 * 3 s), so a status reached through the workflow gets a minute.
 */
const COLD_STARTS_MS = 60_000;

const until = (orderId: string, token: string, status: string) =>
  eventually(
    () => statusOf(orderId, token),
    (s) => s === status,
    COLD_STARTS_MS,
  );

const pay = (paymentIntentId: string, card = 'pm_card_visa') =>
  stripe.paymentIntents.confirm(paymentIntentId, { payment_method: card }).catch((e) => e);

describe('an order as its buyer sees it', () => {
  it('is placed by the checkout and read with the order token', async () => {
    const order = await checkout(local);
    const answer = await getOrder(order.orderId, order.orderToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      orderId: order.orderId,
      status: 'PENDING_PAYMENT',
      eventId: local.seed?.event.eventId,
      amount: order.amount,
      currency: 'usd',
      tickets: [],
    });
    expect(answer.body.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(await archived(local, 'OrderPlaced', order.orderId)).toHaveLength(1);
  });

  it('is answered once per order id when payments asks again, with one OrderPlaced', async () => {
    const order = await checkout(local, 1);
    const asPayments = new LambdaClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'payments.test', secretAccessKey: 'test' },
    });
    const general = local.seed?.event.ticketTypes[0];
    const again = await asPayments.send(
      new InvokeCommand({
        FunctionName: localNames.function('orders', 'createOrder'),
        Payload: JSON.stringify({
          orderId: order.orderId,
          eventId: local.seed?.event.eventId,
          businessId: local.seed?.business.businessId,
          buyer: BUYER,
          lines: [
            {
              ticketTypeId: general?.ticketTypeId,
              name: general?.name,
              quantity: 1,
              unitPrice: 4500,
              amount: 4500,
            },
          ],
          subtotal: 4500,
          fees: 150,
          tax: 399,
          amount: order.amount,
          currency: 'usd',
          paymentIntentId: order.paymentIntentId,
          holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
        }),
      }),
    );
    asPayments.destroy();
    const answer = JSON.parse(Buffer.from(again.Payload ?? []).toString('utf8'));
    expect(again.FunctionError).toBeUndefined();
    expect(answer).toMatchObject({ orderId: order.orderId, created: false });
    expect((await getOrder(order.orderId, answer.orderToken)).status).toBe(200);
    expect(await archived(local, 'OrderPlaced', order.orderId)).toHaveLength(1);
  });

  it('reaches its token, its buyer and its organizer; anyone else is told it does not exist', async () => {
    const order = await checkout(local, 1);
    const other = await checkout(local, 1);
    const buyer = await userToken(local, BUYER.email.toLowerCase());
    const stranger = await userToken(local, 'stranger@example.com', ['organizer']);

    expect((await getOrder(order.orderId)).status).toBe(401);
    expect((await getOrder(order.orderId, other.orderToken)).status).toBe(404);
    expect((await getOrder(order.orderId, stranger)).status).toBe(404);
    expect((await getOrder(order.orderId, buyer)).status).toBe(200);
    expect((await getOrder(order.orderId, organizer)).status).toBe(200);
    const unknown = await getOrder('ord_doesnotexist', organizer);
    expect(unknown).toMatchObject({ status: 404, contentType: 'application/problem+json' });
    const bad = await getOrder('not-an-order', organizer);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'path.orderId' })]);
  });

  it("is not shown to a user who sets their email to the buyer's: the pool keeps the verified one", async () => {
    const order = await checkout(local, 1);
    const buyer = await userToken(local, BUYER.email.toLowerCase());
    const mallory = await signIn(local, 'mallory@example.com');
    expect((await getOrder(order.orderId, mallory.idToken)).status).toBe(404);

    await cognito(local).send(
      new UpdateUserAttributesCommand({
        AccessToken: mallory.accessToken,
        UserAttributes: [{ Name: 'email', Value: BUYER.email }],
      }),
    );
    const refreshed = await signIn(local, 'mallory@example.com');
    expect(claimsOf(refreshed.idToken)).toMatchObject({
      email: 'mallory@example.com',
      email_verified: true,
    });
    expect((await getOrder(order.orderId, refreshed.idToken)).status).toBe(404);
    expect((await getOrder(order.orderId, buyer)).status).toBe(200);
  });

  it('belongs to the user who placed it signed in, whatever buyer email they gave', async () => {
    const placer = await userToken(local, 'gift-giver@example.com');
    const placed = await call(local, 'POST', '/payments/createPaymentIntent', {
      token: placer,
      body: { ...cartOf(local), buyer: { email: 'a.friend@example.com', name: 'A Friend' } },
    });
    expect(placed.status).toBe(201);
    const stranger = await userToken(local, 'stranger@example.com');
    expect((await getOrder(placed.body.orderId, placer)).status).toBe(200);
    expect((await getOrder(placed.body.orderId, stranger)).status).toBe(404);

    const forged = await call(local, 'POST', '/payments/createPaymentIntent', {
      token: 'not-a-token',
      body: { ...cartOf(local), buyer: BUYER },
    });
    expect(forged).toMatchObject({ status: 401, contentType: 'application/problem+json' });
  });

  it('keeps awaiting payment after a decline, shows why, and is fulfilled once paid', async () => {
    const order = await checkout(local, 2);
    await pay(order.paymentIntentId, 'pm_card_chargeDeclinedInsufficientFunds');
    const declined = await eventually(
      () => getOrder(order.orderId, order.orderToken),
      (a) => a.body.lastPaymentError !== undefined,
    );
    expect(declined.body).toMatchObject({
      status: 'PENDING_PAYMENT',
      lastPaymentError: { type: 'card_error', code: 'card_declined' },
    });

    await pay(order.paymentIntentId);
    expect(await until(order.orderId, order.orderToken, 'FULFILLED')).toBe('FULFILLED');
    const fulfilled = await getOrder(order.orderId, order.orderToken);
    expect(fulfilled.body).not.toHaveProperty('lastPaymentError');
    expect(fulfilled.body.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([
      `tkt_${order.orderId}_0_0`,
      `tkt_${order.orderId}_0_1`,
    ]);
    // MarkFulfilled records the status, then publishes: the event follows the status shortly.
    const announced = await eventually(
      () => archived(local, 'OrderFulfilled', order.orderId),
      (events) => events.length > 0,
    );
    expect(announced).toHaveLength(1);
  }, 90_000);
});

describe('canceling an unpaid order', () => {
  it('cancels its payment (202), then the order is CANCELED once, whoever cancels again', async () => {
    const order = await checkout(local, 1);
    const canceled = await call(local, 'POST', `/orders/${order.orderId}/cancel`, {
      token: order.orderToken,
    });
    expect(canceled).toMatchObject({
      status: 202,
      body: { orderId: order.orderId, status: 'PENDING_PAYMENT' },
    });
    expect(await until(order.orderId, order.orderToken, 'CANCELED')).toBe('CANCELED');
    const again = await call(local, 'POST', `/orders/${order.orderId}/cancel`, {
      token: order.orderToken,
    });
    expect(again).toMatchObject({ status: 409, contentType: 'application/problem+json' });
    const events = await eventually(
      () => archived(local, 'OrderCanceled', order.orderId),
      (e) => e.length > 0,
    );
    expect(events.map((e) => e.detail.data.reason)).toEqual(['buyer_canceled']);
  });

  it("refuses another order's token and a paid order", async () => {
    const order = await checkout(local, 1);
    const other = await checkout(local, 1);
    const foreign = await call(local, 'POST', `/orders/${order.orderId}/cancel`, {
      token: other.orderToken,
    });
    expect(foreign.status).toBe(404);
    const bad = await call(local, 'POST', '/orders/not-an-order/cancel', { token: organizer });
    expect(bad).toMatchObject({ status: 400, contentType: 'application/problem+json' });
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'path.orderId' })]);
    expect((await call(local, 'POST', `/orders/${order.orderId}/cancel`)).status).toBe(401);

    await pay(order.paymentIntentId);
    await eventually(
      () => statusOf(order.orderId, order.orderToken),
      (s) => s !== 'PENDING_PAYMENT',
    );
    const paid = await call(local, 'POST', `/orders/${order.orderId}/cancel`, {
      token: order.orderToken,
    });
    expect(paid).toMatchObject({
      status: 409,
      body: { status: 409, orderStatus: expect.stringMatching(/^(PAID|FULFILLED)$/) },
    });
  });
});

describe('facts arriving late', () => {
  it('never move an order backwards: a decline delivered after fulfillment changes nothing', async () => {
    const order = await checkout(local, 1);
    await pay(order.paymentIntentId);
    await until(order.orderId, order.orderToken, 'FULFILLED');
    const late = PaymentFailed.build(
      {
        orderId: order.orderId,
        paymentIntentId: order.paymentIntentId,
        amount: order.amount,
        currency: 'usd',
        lastPaymentError: { type: 'card_error', code: 'card_declined', message: 'Declined' },
      },
      {
        idempotencyKey: `PaymentFailed:${order.paymentIntentId}:late`,
        correlationId: order.orderId,
      },
    );
    const bus = new EventBridgeClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'payments.test', secretAccessKey: 'test' },
    });
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: late.Source,
            DetailType: late.DetailType,
            Detail: late.Detail,
            EventBusName: localNames.bus,
          },
        ],
      }),
    );
    bus.destroy();
    await eventually(
      () => archived(local, 'PaymentFailed', order.orderId),
      (e) => e.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answer = await getOrder(order.orderId, order.orderToken);
    expect(answer.body.status).toBe('FULFILLED');
    expect(answer.body).not.toHaveProperty('lastPaymentError');
  });

  it('are done with, not dead-lettered, when the checkout never placed its order', async () => {
    const orderId = 'ord_neverplaced01';
    const facts = [
      PaymentCanceled.build(
        { orderId, paymentIntentId: 'pi_neverplaced01', cancellationReason: 'abandoned' },
        { idempotencyKey: 'PaymentCanceled:pi_neverplaced01', correlationId: orderId },
      ),
      PaymentFailed.build(
        {
          orderId,
          paymentIntentId: 'pi_neverplaced01',
          amount: 1000,
          currency: 'usd',
          lastPaymentError: { type: 'card_error', code: 'card_declined', message: 'Declined' },
        },
        { idempotencyKey: 'PaymentFailed:pi_neverplaced01:1', correlationId: orderId },
      ),
    ];
    const bus = new EventBridgeClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'payments.test', secretAccessKey: 'test' },
    });
    await bus.send(
      new PutEventsCommand({
        Entries: facts.map((f) => ({
          Source: f.Source,
          DetailType: f.DetailType,
          Detail: f.Detail,
          EventBusName: localNames.bus,
        })),
      }),
    );
    bus.destroy();
    const handled = (name: string) =>
      local.lines.some((l) => l.startsWith(`${name} | REPORT`) && !l.includes('Error'));
    await eventually(
      async () =>
        handled(localNames.function('orders', 'cancelOnPaymentCanceled')) &&
        handled(localNames.function('orders', 'recordPaymentFailure')),
      (done) => done,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      local.platform.lambda.deadLetters().filter((d) => JSON.stringify(d).includes(orderId)),
    ).toEqual([]);
  });
});

describe('a disputed payment', () => {
  it('ends DISPUTED with no valid tickets, whether it overtakes fulfillment or follows it', async () => {
    const order = await checkout(local, 1);
    await pay(order.paymentIntentId, 'pm_card_createDispute');
    expect(await until(order.orderId, order.orderToken, 'DISPUTED')).toBe('DISPUTED');
    // Whatever the workflow did meanwhile, once it has ended the order is still DISPUTED.
    const sfn = new SFNClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const executionArn = executionArnOf(
      localArns.stateMachine(localNames.stateMachine('orders', 'OrderFulfillment')),
      order.orderId,
    );
    await eventually(
      () => sfn.send(new DescribeExecutionCommand({ executionArn })).catch(() => undefined),
      (e) => e !== undefined && e.status !== 'RUNNING',
    );
    sfn.destroy();
    const answer = await getOrder(order.orderId, order.orderToken);
    expect(answer.body).toMatchObject({ status: 'DISPUTED', tickets: [] });
  });
});

describe('an organizer refund', () => {
  it('refunds part, then the rest: PARTIALLY_REFUNDED, then REFUNDED, one OrderRefunded each', async () => {
    const order = await checkout(local, 2);
    await pay(order.paymentIntentId);
    await until(order.orderId, order.orderToken, 'FULFILLED');

    const part = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
      token: organizer,
      body: { amount: 1000, reason: 'requested_by_customer' },
      headers: { 'idempotency-key': 'refund-part-1' },
    });
    expect(part).toMatchObject({
      status: 202,
      body: { orderId: order.orderId, amount: 1000, currency: 'usd' },
    });
    expect(part.body.refundId).toMatch(/^re_/);
    expect(await until(order.orderId, order.orderToken, 'PARTIALLY_REFUNDED')).toBe(
      'PARTIALLY_REFUNDED',
    );
    expect((await getOrder(order.orderId, order.orderToken)).body.tickets).toHaveLength(2);

    const again = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
      token: organizer,
      body: { amount: 1000, reason: 'requested_by_customer' },
      headers: { 'idempotency-key': 'refund-part-1' },
    });
    expect(again.body.refundId).toBe(part.body.refundId);

    const rest = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
      token: organizer,
      body: {},
      headers: { 'idempotency-key': 'refund-rest-1' },
    });
    expect(rest).toMatchObject({ status: 202, body: { amount: order.amount - 1000 } });
    expect(await until(order.orderId, order.orderToken, 'REFUNDED')).toBe('REFUNDED');
    const refunds = await eventually(
      () => archived(local, 'OrderRefunded', order.orderId),
      (e) => e.length >= 2,
    );
    expect(refunds.map((e) => e.detail.data.status)).toEqual(['PARTIALLY_REFUNDED', 'REFUNDED']);
    const nothingLeft = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
      token: organizer,
      body: {},
      headers: { 'idempotency-key': 'refund-more-1' },
    });
    expect(nothingLeft).toMatchObject({
      status: 409,
      body: { status: 409, orderStatus: 'REFUNDED' },
    });
  });

  it('refunds the rest at once after a partial refund, before the order shows it', async () => {
    const order = await checkout(local, 2);
    await pay(order.paymentIntentId);
    await until(order.orderId, order.orderToken, 'FULFILLED');
    const refund = (body: object) =>
      call(local, 'POST', `/orders/${order.orderId}/refunds`, {
        token: organizer,
        body,
        headers: { 'idempotency-key': randomUUID() },
      });
    expect((await refund({ amount: 1000 })).status).toBe(202);
    const rest = await refund({});
    expect(rest).toMatchObject({ status: 202, body: { amount: order.amount - 1000 } });
    expect(await until(order.orderId, order.orderToken, 'REFUNDED')).toBe('REFUNDED');
    expect((await refund({ amount: 1 })).status).toBe(409);
  });

  it('is refused to anyone but an owner of the business, beyond what is left, and before fulfillment', async () => {
    const order = await checkout(local, 1);
    const stranger = await userToken(local, 'other-organizer@example.com', ['organizer']);
    const refund = (token: string, body: unknown) =>
      call(local, 'POST', `/orders/${order.orderId}/refunds`, {
        token,
        body,
        headers: { 'idempotency-key': randomUUID() },
      });

    expect((await refund(order.orderToken, {})).status).toBe(401);
    const unkeyed = await call(local, 'POST', `/orders/${order.orderId}/refunds`, {
      token: organizer,
      body: {},
    });
    expect(unkeyed.status).toBe(400);
    expect(unkeyed.body.errors).toEqual([
      expect.objectContaining({ path: 'headers.idempotency-key' }),
    ]);
    expect((await refund(stranger, {})).status).toBe(404);
    expect((await refund(organizer, {})).status).toBe(409);
    const negative = await refund(organizer, { amount: -5 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual([expect.objectContaining({ path: 'amount' })]);

    await pay(order.paymentIntentId);
    await until(order.orderId, order.orderToken, 'FULFILLED');
    const tooMuch = await refund(organizer, { amount: order.amount + 1 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ path: 'amount' })]);
  });
});
