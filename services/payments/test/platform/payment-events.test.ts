import { InvokeCommand } from '@aws-sdk/client-lambda';
import { CancelPaymentInvocation, HoldExpired, RefundPaymentInvocation } from '@mytabs/contracts';
import { InvocationError, invokeFunction } from '@mytabs/lambda-kit';
import { localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archived,
  checkout,
  eventually,
  lambdaAs,
  newYorkEvent,
  paymentsRecord,
  publishAs,
  stripeFor,
} from './actors.ts';
import { withRefusingBus } from './refusing-bus.ts';

let local: RepoPlatform;
let stripe: Stripe;
let show: Awaited<ReturnType<typeof newYorkEvent>>;
const bus = withRefusingBus();

beforeAll(async () => {
  local = await startRepoPlatform({
    components: bus.components,
    ledger: {
      facts:
        'reports one hold expired twice itself, so payments publishes its PaymentCanceled again under its key (the designed recovery of a lost release)',
    },
  });
  stripe = stripeFor(local);
  show = await newYorkEvent(local, 'payment-events@example.com');
});
afterAll(() => local?.close());

const secret = () => local.platform.secrets.value('stripe-webhook-secret');

/** POSTs a body to the webhook as Stripe would, signed (or not) as the test says. */
const deliver = async (payload: string, signature?: string) => {
  const response = await fetch(`${local.endpoints.api}/payments/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== undefined && { 'stripe-signature': signature }),
    },
    body: payload,
  });
  return { status: response.status, contentType: response.headers.get('content-type') };
};

const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secret(),
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
  });

/** Stripe's event of `type` about the PaymentIntent, once the emulator has made it. */
const stripeEvent = async (type: string, paymentIntentId: string) => {
  const found = await eventually(
    async () =>
      (await stripe.events.list({ type, limit: 100 })).data.find(
        (e) => (e.data.object as { id: string }).id === paymentIntentId,
      ),
    (e) => e !== undefined,
  );
  if (!found) throw new Error(`No ${type} for ${paymentIntentId}`);
  return found;
};

/** Waits until the emulator has delivered the Stripe event `times` times with a 2xx answer. */
const delivered = (eventId: string, times: number) =>
  eventually(
    async () => local.lines.filter((l) => l.includes(`${eventId} → `) && / 2\d\d$/.test(l)).length,
    (n) => n >= times,
  );

const resend = (eventId: string) =>
  fetch(`${local.endpoints.stripe}/v1/events/${eventId}/retry`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_payments' },
  });

const count = async (detailType: string, orderId: string, expected: number) =>
  (
    await eventually(
      () => archived(local, detailType, orderId),
      (e) => e.length >= expected,
    )
  ).length;

describe('a paid order', () => {
  it('becomes one PaymentSucceeded, whatever Stripe resends, and its tax is committed', async () => {
    const order = await checkout(local, show, 2);
    await stripe.paymentIntents.confirm(order.paymentIntentId, { payment_method: 'pm_card_visa' });
    expect(await count('PaymentSucceeded', order.orderId, 1)).toBe(1);
    const [succeeded] = await archived(local, 'PaymentSucceeded', order.orderId);
    expect(succeeded?.detail).toMatchObject({
      metadata: { idempotencyKey: `PaymentSucceeded:${order.paymentIntentId}` },
      data: {
        orderId: order.orderId,
        paymentIntentId: order.paymentIntentId,
        amount: order.amount,
        currency: 'usd',
        latestChargeId: expect.stringMatching(/^ch_/),
      },
    });

    const event = await stripeEvent('payment_intent.succeeded', order.paymentIntentId);
    await eventually(
      () => paymentsRecord(local, `webhook#${event.id}`),
      (r) => r !== undefined,
    );
    // The same event three more times, then the same change under a new event id.
    for (let i = 0; i < 3; i++) expect((await resend(event.id)).status).toBe(200);
    const renamed = JSON.stringify({ ...event, id: 'evt_samechangenewid1' });
    expect((await deliver(renamed, sign(renamed))).status).toBe(200);
    expect(await paymentsRecord(local, 'webhook#evt_samechangenewid1')).toBeDefined();
    expect(await delivered(event.id, 4)).toBe(4);
    expect(await archived(local, 'PaymentSucceeded', order.orderId)).toHaveLength(1);

    const committed = await eventually(
      () => paymentsRecord(local, `taxtx#${order.orderId}`),
      (r) => r !== undefined,
    );
    expect(committed?.transactionId).toMatch(/^tax_/);
    const transaction = await stripe.tax.transactions.retrieve(committed?.transactionId);
    expect(transaction.reference).toBe(order.orderId);
  });

  it('records a declined card as PaymentFailed, then a retry with another card succeeds', async () => {
    const order = await checkout(local, show);
    await expect(
      stripe.paymentIntents.confirm(order.paymentIntentId, {
        payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
      }),
    ).rejects.toThrow(Stripe.errors.StripeCardError);
    expect(await count('PaymentFailed', order.orderId, 1)).toBe(1);
    const [failed] = await archived(local, 'PaymentFailed', order.orderId);
    expect(failed?.detail.data).toMatchObject({
      lastPaymentError: {
        type: 'card_error',
        code: 'card_declined',
        declineCode: 'insufficient_funds',
      },
    });
    expect(failed?.detail.metadata.idempotencyKey).toMatch(
      new RegExp(`^PaymentFailed:${order.paymentIntentId}:ch_`),
    );

    await stripe.paymentIntents.confirm(order.paymentIntentId, { payment_method: 'pm_card_visa' });
    expect(await count('PaymentSucceeded', order.orderId, 1)).toBe(1);
    // The failure delivered again after the success is the same fact: nothing new on the bus.
    const failure = await stripeEvent('payment_intent.payment_failed', order.paymentIntentId);
    expect((await resend(failure.id)).status).toBe(200);
    expect(await delivered(failure.id, 2)).toBe(2);
    expect(await archived(local, 'PaymentFailed', order.orderId)).toHaveLength(1);
  });

  it('leaves the Stripe event unrecorded when publishing fails, so Stripe’s own retry succeeds', async () => {
    const order = await checkout(local, show);
    bus.state.refuse = true;
    try {
      await stripe.paymentIntents.confirm(order.paymentIntentId, {
        payment_method: 'pm_card_visa',
      });
      const event = await stripeEvent('payment_intent.succeeded', order.paymentIntentId);
      await eventually(
        async () =>
          local.lines.some((l) => l.includes(`${event.id} → `) && l.includes('failed (HTTP 5')),
        (answered) => answered,
      );
      expect(await paymentsRecord(local, `webhook#${event.id}`)).toBeUndefined();
      expect(await archived(local, 'PaymentSucceeded', order.orderId)).toHaveLength(0);

      bus.state.refuse = false;
      const recorded = await eventually(
        () => paymentsRecord(local, `webhook#${event.id}`),
        (r) => r !== undefined,
      );
      expect(recorded).toBeDefined();
      expect(await archived(local, 'PaymentSucceeded', order.orderId)).toHaveLength(1);
    } finally {
      bus.state.refuse = false;
    }
  }, 60_000);

  it('turns a dispute into one PaymentDisputed', async () => {
    const order = await checkout(local, show);
    await stripe.paymentIntents.confirm(order.paymentIntentId, {
      payment_method: 'pm_card_createDispute',
    });
    expect(await count('PaymentDisputed', order.orderId, 1)).toBe(1);
    const [disputed] = await archived(local, 'PaymentDisputed', order.orderId);
    expect(disputed?.detail.data).toMatchObject({
      disputeId: expect.stringMatching(/^dp_/),
      amount: order.amount,
    });
  });
});

describe('signatures', () => {
  const payload = () =>
    JSON.stringify({
      id: 'evt_forged00001',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: 'pi_forged0001', object: 'payment_intent' } },
    });

  it.each([
    ['forged (another secret)', () => sign(payload(), { secret: 'whsec_notthesecret' })],
    ['stale (ten minutes old)', () => sign(payload(), { timestamp: Date.now() / 1000 - 600 })],
    ['for another body', () => sign(payload().replace('forged0001', 'forged0002'))],
    ['missing', () => undefined],
    ['empty (`v1=` with no value)', () => `t=${Math.floor(Date.now() / 1000)},v1=`],
  ])('refuses a %s signature with 400 and records nothing', async (_, signature) => {
    const answer = await deliver(payload(), signature());
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(await paymentsRecord(local, 'webhook#evt_forged00001')).toBeUndefined();
  });

  it.each([
    ['payment_intent.succeeded', { id: 'pi_neverseen0001', object: 'payment_intent' }],
    ['charge.refunded', { id: 'ch_neverseen0001', object: 'charge' }],
    ['refund.updated', { id: 're_neverseen0001', object: 'refund' }],
    ['charge.dispute.created', { id: 'dp_neverseen0001', object: 'dispute' }],
  ])(
    'answers 200 to a signed %s about an object Stripe does not know, and publishes nothing',
    async (type, object) => {
      const id = `evt_unknown${object.id.replace('_', '')}`;
      const body = JSON.stringify({
        id,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: { object },
      });
      expect((await deliver(body, sign(body))).status).toBe(200);
      expect(await paymentsRecord(local, `webhook#${id}`)).toMatchObject({ type });
      expect(local.lines.some((l) => l.includes('"published":["') && l.includes(id))).toBe(false);
    },
  );

  it('answers 200 to an event type it does not act on, and records it', async () => {
    const body = JSON.stringify({
      id: 'evt_unknowntype01',
      object: 'event',
      type: 'customer.created',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: 'cus_123', object: 'customer' } },
    });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(await paymentsRecord(local, 'webhook#evt_unknowntype01')).toMatchObject({
      type: 'customer.created',
    });
  });
});

const asOrders = () => lambdaAs(local, 'orders');
const cancelPayment = (orderId: string) =>
  invokeFunction(
    asOrders(),
    localNames.function('payments', 'cancelPayment'),
    CancelPaymentInvocation,
    {
      orderId,
      reason: 'requested_by_customer',
    },
  );
const refundPayment = (orderId: string, refundRequestId: string, amount?: number) =>
  invokeFunction(
    asOrders(),
    localNames.function('payments', 'refundPayment'),
    RefundPaymentInvocation,
    {
      orderId,
      refundRequestId,
      ...(amount !== undefined && { amount }),
    },
  );

const paidOrder = async () => {
  const order = await checkout(local, show);
  await stripe.paymentIntents.confirm(order.paymentIntentId, { payment_method: 'pm_card_visa' });
  return order;
};

const expireHold = (orderId: string) =>
  publishAs(local, 'ticketing', [
    HoldExpired.build(
      {
        orderId,
        eventId: show.eventId,
        items: [{ ticketTypeId: show.general, quantity: 1 }],
        expiresAt: new Date().toISOString(),
      },
      { idempotencyKey: `HoldExpired:${orderId}`, correlationId: orderId },
    ),
  ]);

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

  it('reported again after its cancel, publishes PaymentCanceled again with the same key', async () => {
    const order = await checkout(local, show);
    await expireHold(order.orderId);
    await eventually(
      () => archived(local, 'PaymentCanceled', order.orderId),
      (e) => e.length > 0,
    );
    await expireHold(order.orderId);
    const canceled = await eventually(
      () => archived(local, 'PaymentCanceled', order.orderId),
      (e) => e.length > 1,
    );
    expect(canceled.map((e) => e.detail.metadata.idempotencyKey)).toEqual([
      `PaymentCanceled:${order.paymentIntentId}`,
      `PaymentCanceled:${order.paymentIntentId}`,
    ]);
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
  it('reverses each refund’s share of the order’s tax transaction', async () => {
    const order = await paidOrder();
    const committed = await eventually(
      () => paymentsRecord(local, `taxtx#${order.orderId}`),
      (r) => r !== undefined,
    );
    const refund = await refundPayment(order.orderId, 'tax-share-1', 2000);
    const reversed = await eventually(
      () => paymentsRecord(local, `taxrev#${refund.refundId}`),
      (r) => r !== undefined,
    );
    const reversal = await stripe.tax.transactions.retrieve(String(reversed?.reversalId));
    expect(reversal).toMatchObject({
      type: 'reversal',
      reference: `refund:${refund.refundId}`,
      reversal: { original_transaction: committed?.transactionId },
    });
    const lines = await stripe.tax.transactions.listLineItems(reversal.id);
    const total = lines.data.reduce(
      (sum, l) => sum + l.amount + (l.tax_behavior === 'exclusive' ? l.amount_tax : 0),
      0,
    );
    expect(total).toBe(-2000);
  });

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
    // Each refund is announced twice (refund.created, charge.refunded): wait for all four.
    const refundEvents = await eventually(
      async () =>
        (
          await stripe.events.list({ types: ['refund.created', 'charge.refunded'], limit: 100 })
        ).data.filter(
          (e) =>
            (e.data.object as { payment_intent?: string }).payment_intent === order.paymentIntentId,
        ),
      (events) => events.length >= 4,
    );
    for (const event of refundEvents) await delivered(event.id, 1);
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

describe('the invocations', () => {
  it('refuse bad input before any effect, and callers their manifest does not name', async () => {
    const order = await paidOrder();
    const raw = await asOrders().send(
      new InvokeCommand({
        FunctionName: localNames.function('payments', 'refundPayment'),
        Payload: Buffer.from(
          JSON.stringify({ orderId: order.orderId, refundRequestId: '', amount: -5 }),
        ),
      }),
    );
    expect(raw.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(raw.Payload ?? []).toString('utf8'))).toMatchObject({
      errorType: 'ZodError',
    });
    expect((await stripe.refunds.list({ payment_intent: order.paymentIntentId })).data).toEqual([]);

    await expect(
      invokeFunction(
        lambdaAs(local, 'ticketing'),
        localNames.function('payments', 'cancelPayment'),
        CancelPaymentInvocation,
        {
          orderId: order.orderId,
          reason: 'abandoned',
        },
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
