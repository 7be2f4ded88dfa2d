import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOnly, type StripeFixture, sdkFor, startStripeFixture } from './stripe-fixture.ts';

let fixture: StripeFixture;
let stripe: Stripe;
beforeAll(async () => {
  fixture = await startStripeFixture();
  stripe = fixture.stripe;
});
afterAll(() => fixture.emulator.close());

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
};

describe('PaymentIntents through the stripe SDK', () => {
  it('creates an intent as Stripe shapes it', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      metadata: { orderId: 'ord_1234' },
    });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 2500,
      amount_received: 0,
      currency: 'usd',
      metadata: { orderId: 'ord_1234' },
      automatic_payment_methods: { enabled: true, allow_redirects: 'always' },
      latest_charge: null,
      last_payment_error: null,
      livemode: false,
    });
    expect(intent.lastResponse.headers['stripe-version']).toBe(stripe.getApiField('version'));
    expect(intent.lastResponse.requestId).toMatch(/^req_/);
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ id: intent.id });
  });

  it('confirms with pm_card_visa: succeeded, with a retrievable charge', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1999,
      currency: 'usd',
      ...cardOnly,
    });
    const intent = await stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_visa',
    });
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 1999 });
    expect(intent.payment_method).toMatch(/^pm_/);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      paid: true,
      amount: 1999,
      payment_intent: intent.id,
      amount_refunded: 0,
      refunded: false,
    });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    const expanded = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    expect((expanded.latest_charge as Stripe.Charge).id).toBe(charge.id);
  });

  it('confirms at creation with confirm=true and a return_url', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 500,
      currency: 'usd',
      payment_method: 'pm_card_mastercard',
      confirm: true,
      return_url: 'https://keeptabs.app/checkout/done',
    });
    expect(intent.status).toBe('succeeded');
  });

  it('asks for a return_url when redirect-based methods are allowed', async () => {
    const created = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    const error = await rejection(
      stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe('return_url');
    expect(error.message).toContain('allow_redirects');

    const before = (await stripe.paymentIntents.list({ limit: 100 })).data.length;
    const atCreation = await rejection(
      stripe.paymentIntents.create({
        amount: 500,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      }),
    );
    expect(atCreation).toMatchObject({ param: 'return_url' });
    expect((await stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(before);
  });

  it('declines, records last_payment_error, and lets the buyer retry with another card', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      ...cardOnly,
    });
    const declined = await rejection(
      stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    expect(declined.payment_intent?.status).toBe('requires_payment_method');

    const poor = await rejection(
      stripe.paymentIntents.confirm(created.id, {
        payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
      }),
    );
    expect(poor).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds' });

    const after = await stripe.paymentIntents.retrieve(created.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    const failedCharge = await stripe.charges.retrieve(after.latest_charge as string);
    expect(failedCharge).toMatchObject({ status: 'failed', failure_code: 'card_declined' });

    const paid = await stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_visa',
    });
    expect(paid).toMatchObject({
      status: 'succeeded',
      last_payment_error: null,
      amount_received: 4200,
    });
  });

  it('answers other documented declines', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'usd',
      ...cardOnly,
    });
    const cvc = await rejection(
      stripe.paymentIntents.confirm(created.id, {
        payment_method: 'pm_card_chargeDeclinedIncorrectCvc',
      }),
    );
    expect(cvc).toMatchObject({ code: 'incorrect_cvc', param: 'cvc' });
    const expired = await rejection(
      stripe.paymentIntents.confirm(created.id, {
        payment_method: 'pm_card_chargeDeclinedExpiredCard',
      }),
    );
    expect(expired).toMatchObject({ code: 'expired_card' });
  });

  it('cancels, and a canceled intent is final', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      ...cardOnly,
    });
    const canceled = await stripe.paymentIntents.cancel(created.id, {
      cancellation_reason: 'abandoned',
    });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));

    const confirm = await rejection(
      stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' }),
    );
    expect(confirm).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(confirm).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(confirm.message).toContain('status of canceled');

    const again = await rejection(stripe.paymentIntents.cancel(created.id));
    expect(again).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('refuses to confirm or cancel an intent that already succeeded', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 800,
      currency: 'usd',
      ...cardOnly,
    });
    await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' });
    const confirm = await rejection(
      stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' }),
    );
    expect(confirm).toMatchObject({ code: 'payment_intent_unexpected_state' });
    expect(confirm.message).toContain('already succeeded');
    const cancel = await rejection(stripe.paymentIntents.cancel(created.id));
    expect(cancel.message).toContain('status of succeeded');
  });

  it('updates metadata and amount before payment', async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      metadata: { a: '1', b: '2' },
    });
    const updated = await stripe.paymentIntents.update(created.id, {
      amount: 1500,
      metadata: { a: '', c: '3' },
    });
    expect(updated).toMatchObject({ amount: 1500, metadata: { b: '2', c: '3' } });
  });

  it('reports invalid and missing parameters with the param, and unknown ids as 404', async () => {
    const missing = await rejection(stripe.paymentIntents.create({ currency: 'usd' } as never));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'amount' });

    const unknown = await rejection(
      stripe.paymentIntents.create({ amount: 500, currency: 'usd', colour: 'red' } as never),
    );
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'colour' });

    const small = await rejection(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }));
    expect(small).toMatchObject({ code: 'amount_too_small', param: 'amount' });

    const notFound = await rejection(stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(notFound).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(notFound).toMatchObject({ statusCode: 404, code: 'resource_missing' });

    const badCard = await rejection(
      stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method: 'pm_nope' }),
    );
    expect(badCard).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_method',
    });
  });

  it('refuses keys that are not test secret keys', async () => {
    const error = await rejection(
      sdkFor(fixture.emulator.port, 'sk_live_nope').paymentIntents.list(),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it('answers a plain curl-style request with Basic auth', async () => {
    const response = await fetch(`${fixture.emulator.url}/v1/payment_intents`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sk_test_x:').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'amount=500&currency=usd&metadata[orderId]=ord_curl&expand[]=latest_charge',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: 'payment_intent',
      amount: 500,
      metadata: { orderId: 'ord_curl' },
    });
  });
});
