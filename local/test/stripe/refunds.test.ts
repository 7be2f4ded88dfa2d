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

const paidIntent = async (amount: number) => {
  const created = await stripe.paymentIntents.create({ amount, currency: 'usd', ...cardOnly });
  return stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
};

describe('Refunds through the stripe SDK', () => {
  it('refunds a payment in full by PaymentIntent', async () => {
    const intent = await paidIntent(3000);
    const refund = await stripe.refunds.create({
      payment_intent: intent.id,
      reason: 'requested_by_customer',
      metadata: { refundRequestId: 'rr_1' },
    });
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 3000,
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
      metadata: { refundRequestId: 'rr_1' },
    });
    expect(refund.id).toMatch(/^re_/);
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ id: refund.id, amount: 3000 });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 3000, refunded: true });
  });

  it('refunds partially by charge, then refuses more than what is left', async () => {
    const intent = await paidIntent(5000);
    const charge = intent.latest_charge as string;
    await stripe.refunds.create({ charge, amount: 1200 });
    expect(await stripe.charges.retrieve(charge)).toMatchObject({
      amount_refunded: 1200,
      refunded: false,
    });

    const over = await stripe.refunds.create({ charge, amount: 4000 }).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(over).toMatchObject({ code: 'amount_too_large', param: 'amount' });
    expect((over as Error).message).toBe(
      'Refund amount ($40.00) is greater than unrefunded amount on charge ($38.00)',
    );

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3800);
    const done = await stripe.refunds.create({ charge }).catch((e: unknown) => e);
    expect(done).toMatchObject({ code: 'charge_already_refunded' });
  });

  it('refuses to refund an intent that has not been paid', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    const error = await stripe.refunds
      .create({ payment_intent: intent.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});
