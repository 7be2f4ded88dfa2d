import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archived,
  checkout,
  eventually,
  newYorkEvent,
  paymentsRecord,
  stripeFor,
} from './actors.ts';
import { withRefusingBus } from './refusing-bus.ts';

let local: RepoPlatform;
let stripe: Stripe;
let show: Awaited<ReturnType<typeof newYorkEvent>>;
const bus = withRefusingBus();

beforeAll(async () => {
  local = await startRepoPlatform({ components: bus.components });
  stripe = stripeFor(local);
  show = await newYorkEvent(local, 'webhooks@example.com');
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
    await new Promise((r) => setTimeout(r, 300));
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
    await new Promise((r) => setTimeout(r, 300));
    expect(await archived(local, 'PaymentFailed', order.orderId)).toHaveLength(1);
  });

  it('leaves the Stripe event unrecorded when publishing fails, so Stripe’s retry succeeds', async () => {
    const order = await checkout(local, show);
    bus.state.refuse = true;
    try {
      await stripe.paymentIntents.confirm(order.paymentIntentId, {
        payment_method: 'pm_card_visa',
      });
      const event = await stripeEvent('payment_intent.succeeded', order.paymentIntentId);
      await eventually(
        async () =>
          local.lines.some((l) => l.includes(`${event.id} → `) && l.includes('(HTTP 500)')),
        (answered) => answered,
      );
      expect(await paymentsRecord(local, `webhook#${event.id}`)).toBeUndefined();
      expect(await archived(local, 'PaymentSucceeded', order.orderId)).toHaveLength(0);

      bus.state.refuse = false;
      expect((await resend(event.id)).status).toBe(200);
      expect(await count('PaymentSucceeded', order.orderId, 1)).toBe(1);
      expect(await paymentsRecord(local, `webhook#${event.id}`)).toBeDefined();
    } finally {
      bus.state.refuse = false;
    }
  });

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
  ])('refuses a %s signature with 400 and records nothing', async (_, signature) => {
    const answer = await deliver(payload(), signature());
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect(await paymentsRecord(local, 'webhook#evt_forged00001')).toBeUndefined();
  });

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
