import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { cardOnly, type StripeFixture, startStripeFixture } from './stripe-fixture.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

const SECRET = 'whsec_test_local_secret';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const setUp = async (failFirst = 0) => {
  const receiver = await startWebhookReceiver(failFirst);
  const fixture: StripeFixture = await startStripeFixture({
    webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
    webhookRetryDelaysMs: [10, 20, 40],
  });
  closers.push(fixture.emulator.close, receiver.close);
  return { receiver, ...fixture };
};

const verify = (stripe: Stripe, delivery: { body: string; signature: string }) =>
  stripe.webhooks.constructEvent(delivery.body, delivery.signature, SECRET);

describe('webhooks', () => {
  it('delivers signed events, in order, that constructEvent verifies', async () => {
    const { receiver, stripe } = await setUp();
    const created = await stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd', metadata: { orderId: 'ord_hook' }, ...cardOnly },
      { idempotencyKey: 'ord_hook' },
    );
    await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
    const deliveries = await receiver.waitFor(3);
    const events = deliveries.map((d) => verify(stripe, d));
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
    const succeeded = events[2] as Stripe.PaymentIntentSucceededEvent;
    expect(succeeded.id).toMatch(/^evt_/);
    expect(succeeded).toMatchObject({
      object: 'event',
      api_version: stripe.getApiField('version'),
      livemode: false,
      data: { object: { id: created.id, status: 'succeeded', metadata: { orderId: 'ord_hook' } } },
    });
    expect(events[0]?.request).toMatchObject({ idempotency_key: 'ord_hook' });
    expect(() =>
      stripe.webhooks.constructEvent(
        deliveries[0]?.body ?? '',
        deliveries[0]?.signature ?? '',
        'whsec_wrong',
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);

    const stored = await stripe.events.retrieve(succeeded.id);
    expect(stored.pending_webhooks).toBe(0);
    const intentEvents = await stripe.events.list({ type: 'payment_intent.*' });
    expect(intentEvents.data.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.created',
    ]);
  });

  it('retries a failing endpoint with backoff until it accepts', async () => {
    const { receiver, stripe } = await setUp(2);
    await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    const [delivery] = await receiver.waitFor(1);
    expect(receiver.failures).toBe(2);
    expect(verify(stripe, delivery as never).type).toBe('payment_intent.created');
  });

  it('sends refund, decline, cancel and dispute events; resends an event on request', async () => {
    const { receiver, stripe, emulator } = await setUp();
    const declined = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      ...cardOnly,
    });
    await stripe.paymentIntents
      .confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' })
      .catch(() => undefined);
    await stripe.paymentIntents.cancel(declined.id);
    const paid = await stripe.paymentIntents.create({
      amount: 1100,
      currency: 'usd',
      ...cardOnly,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await stripe.refunds.create({ payment_intent: paid.id, amount: 100 });
    const dispute = emulator.createDispute(paid.latest_charge as string);
    expect(dispute.id).toMatch(/^dp_/);

    const types = (await receiver.waitFor(10)).map((d) => verify(stripe, d).type);
    expect(types).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
      'payment_intent.canceled',
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
      'charge.dispute.created',
    ]);
    const refunded = verify(stripe, receiver.received[8] as never) as Stripe.ChargeRefundedEvent;
    expect(refunded.data.object).toMatchObject({ amount_refunded: 100, refunded: false });
    expect(refunded.data.previous_attributes).toMatchObject({ amount_refunded: 0 });

    const failed = verify(
      stripe,
      receiver.received[2] as never,
    ) as Stripe.PaymentIntentPaymentFailedEvent;
    emulator.resendEvent(failed.id);
    const resent = (await receiver.waitFor(11))[10];
    expect(verify(stripe, resent as never).id).toBe(failed.id);
  });

  it('disputes a pm_card_createDispute payment, and resends over HTTP as the Stripe CLI does', async () => {
    const { receiver, stripe, emulator } = await setUp();
    await stripe.paymentIntents.create({
      amount: 1300,
      currency: 'usd',
      ...cardOnly,
      payment_method: 'pm_card_createDispute',
      confirm: true,
    });
    const deliveries = await receiver.waitFor(4);
    const dispute = verify(stripe, deliveries[3] as never) as Stripe.ChargeDisputeCreatedEvent;
    expect(dispute.type).toBe('charge.dispute.created');
    expect(dispute.data.object).toMatchObject({
      object: 'dispute',
      amount: 1300,
      status: 'needs_response',
    });

    const response = await fetch(`${emulator.url}/v1/events/${dispute.id}/retry`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_cli' },
    });
    expect(response.status).toBe(200);
    const [, , , , resent] = await receiver.waitFor(5);
    expect(verify(stripe, resent as never).id).toBe(dispute.id);
  });
});
