import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { CancelPaymentInvocation, HoldExpired, RefundPaymentInvocation } from '@mytabs/contracts';
import { InvocationError, invokeFunction } from '@mytabs/contracts/runtime/invoke-function';
import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archived, checkout, eventually, lambdaAs, newYorkEvent, stripeFor } from './actors.ts';

let local: RepoPlatform;
let stripe: Stripe;
let show: Awaited<ReturnType<typeof newYorkEvent>>;

beforeAll(async () => {
  local = await startRepoPlatform();
  stripe = stripeFor(local);
  show = await newYorkEvent(local, 'refunds@example.com');
});
afterAll(() => local?.close());

const asOrders = () => lambdaAs(local, 'orders');
const cancelPayment = (orderId: string) =>
  invokeFunction(asOrders(), 'payments-cancelPayment', CancelPaymentInvocation, {
    orderId,
    reason: 'requested_by_customer',
  });
const refundPayment = (orderId: string, refundRequestId: string, amount?: number) =>
  invokeFunction(asOrders(), 'payments-refundPayment', RefundPaymentInvocation, {
    orderId,
    refundRequestId,
    ...(amount !== undefined && { amount }),
  });

const paidOrder = async () => {
  const order = await checkout(local, show);
  await stripe.paymentIntents.confirm(order.paymentIntentId, { payment_method: 'pm_card_visa' });
  return order;
};

const expireHold = (orderId: string) =>
  new EventBridgeClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'ticketing.test', secretAccessKey: 'test' },
  }).send(
    new PutEventsCommand({
      Entries: [
        {
          ...HoldExpired.build(
            {
              orderId,
              eventId: show.eventId,
              items: [{ ticketTypeId: show.general, quantity: 1 }],
              expiresAt: new Date().toISOString(),
            },
            { idempotencyKey: `HoldExpired:${orderId}`, correlationId: orderId },
          ),
          EventBusName: 'mytabs',
        },
      ],
    }),
  );

describe('cancelPayment', () => {
  it('cancels an unpaid order’s PaymentIntent once, and PaymentCanceled follows', async () => {
    const order = await checkout(local, show);
    expect(await cancelPayment(order.orderId)).toEqual({ outcome: 'canceled' });
    expect(await cancelPayment(order.orderId)).toEqual({ outcome: 'already-canceled' });
    const canceled = await eventually(
      () => archived(local, 'PaymentCanceled', order.orderId),
      (e) => e.length > 0,
    );
    expect(canceled).toHaveLength(1);
    expect(canceled[0]?.detail.data).toMatchObject({
      paymentIntentId: order.paymentIntentId,
      cancellationReason: 'requested_by_customer',
    });
  });

  it('leaves a paid order alone, and knows no order it holds no payment for', async () => {
    const order = await paidOrder();
    expect(await cancelPayment(order.orderId)).toEqual({ outcome: 'already-succeeded' });
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe('succeeded');
    expect(await cancelPayment('ord_neverexisted')).toEqual({ outcome: 'not-found' });
  });
});

describe('an expired hold', () => {
  it('cancels the unpaid PaymentIntent as abandoned, so the seats can be released', async () => {
    const order = await checkout(local, show);
    await expireHold(order.orderId);
    const canceled = await eventually(
      () => archived(local, 'PaymentCanceled', order.orderId),
      (e) => e.length > 0,
    );
    expect(canceled[0]?.detail.data).toMatchObject({ cancellationReason: 'abandoned' });
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe('canceled');
  });

  it('leaves a payment that already succeeded alone', async () => {
    const order = await paidOrder();
    await expireHold(order.orderId);
    await eventually(
      async () =>
        local.lines.some((l) => l.includes(order.orderId) && l.includes('already-succeeded')),
      (seen) => seen,
    );
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe('succeeded');
    expect(await archived(local, 'PaymentCanceled', order.orderId)).toHaveLength(0);
  });
});

describe('refundPayment', () => {
  it('refunds part, then the rest, once per refund request, and refuses an over-refund', async () => {
    const order = await paidOrder();
    const partial = await refundPayment(order.orderId, 'organizer-req-1', 1000);
    expect(partial).toMatchObject({ amount: 1000, currency: 'usd', status: 'succeeded' });
    expect(await refundPayment(order.orderId, 'organizer-req-1', 1000)).toEqual(partial);

    await expect(refundPayment(order.orderId, 'organizer-req-2', order.amount)).rejects.toSatisfy(
      (error) => error instanceof InvocationError && error.errorType === 'RefundRejected',
    );

    const rest = await refundPayment(order.orderId, `failed:${order.orderId}`);
    expect(rest.amount).toBe(order.amount - 1000);
    expect(rest.refundId).not.toBe(partial.refundId);

    const refunded = await eventually(
      () => archived(local, 'PaymentRefunded', order.orderId),
      (e) => e.length >= 2,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await archived(local, 'PaymentRefunded', order.orderId)).toHaveLength(2);
    expect(refunded.map((e) => e.detail.data)).toEqual([
      expect.objectContaining({ refundId: partial.refundId, amount: 1000, amountRefunded: 1000 }),
      expect.objectContaining({
        refundId: rest.refundId,
        amount: order.amount - 1000,
        amountRefunded: order.amount,
        amountPaid: order.amount,
      }),
    ]);
  });

  it('refuses to refund an unpaid order', async () => {
    const order = await checkout(local, show);
    await expect(refundPayment(order.orderId, 'organizer-req-3')).rejects.toSatisfy(
      (error) => error instanceof InvocationError && error.errorType === 'RefundRejected',
    );
  });
});
