import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOnly, type StripeFixture, startStripeFixture } from './stripe-fixture.ts';

let fixture: StripeFixture;
let stripe: Stripe;
beforeAll(async () => {
  fixture = await startStripeFixture();
  stripe = fixture.stripe;
});
afterAll(() => fixture.emulator.close());

describe('Idempotency-Key', () => {
  it('returns the stored response for the same key and parameters', async () => {
    const params = { amount: 1500, currency: 'usd', metadata: { orderId: 'ord_idem1' } };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'ord_idem1' });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'ord_idem1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const all = await stripe.paymentIntents.list({ limit: 100 });
    expect(all.data.filter((pi) => pi.metadata.orderId === 'ord_idem1')).toHaveLength(1);
  });

  it('refuses the same key with other parameters', async () => {
    await stripe.paymentIntents.create(
      { amount: 1500, currency: 'usd' },
      { idempotencyKey: 'ord_idem2' },
    );
    const conflict = await stripe.paymentIntents
      .create({ amount: 1600, currency: 'usd' }, { idempotencyKey: 'ord_idem2' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(conflict).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
  });

  it('replays a card error, while a new key lets the buyer retry', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'usd',
      ...cardOnly,
    });
    const declined = { payment_method: 'pm_card_chargeDeclined' };
    const first = await stripe.paymentIntents
      .confirm(intent.id, declined, { idempotencyKey: 'confirm-1' })
      .catch((e: Stripe.errors.StripeError) => e);
    const replay = await stripe.paymentIntents
      .confirm(intent.id, declined, { idempotencyKey: 'confirm-1' })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(replay).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((replay as Stripe.errors.StripeError).charge).toBe(
      (first as Stripe.errors.StripeError).charge,
    );
    const charges = await stripe.charges.list({ payment_intent: intent.id });
    expect(charges.data).toHaveLength(1);
  });

  it('does not store a request refused for invalid parameters', async () => {
    const invalid = await stripe.refunds
      .create({ payment_intent: 'pi_nothing' }, { idempotencyKey: 'refund-1' })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_intent',
    });
    const intent = await stripe.paymentIntents.create({
      amount: 600,
      currency: 'usd',
      ...cardOnly,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const retry = await stripe.refunds.create(
      { payment_intent: intent.id },
      { idempotencyKey: 'refund-1' },
    );
    expect(retry.amount).toBe(600);
  });
});
