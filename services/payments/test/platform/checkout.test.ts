import { HoldSeatsInvocation, PaymentCanceled } from '@mytabs/contracts';
import { invokeFunction } from '@mytabs/lambda-kit';
import { localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/domain/cart-fingerprint.ts';
import {
  archived,
  available,
  eventually,
  lambdaAs,
  NEW_YORK_BUYER as NY,
  newYorkEvent,
  paymentsRecord,
  post,
  publishAs,
  publishedEvent,
  putPaymentsRecord,
  stripeFor,
} from './actors.ts';

let local: RepoPlatform;
let stripe: Stripe;
let usd: { eventId: string; general: string; vip: string };

const buyer = { email: 'buyer@example.com', name: 'Bea Buyer' };

/** Five workers of a function may run at once here: enough for five requests truly in parallel. */
const PARALLEL = 5;

beforeAll(async () => {
  local = await startRepoPlatform({
    lambda: { retryBaseDelayMs: 20, maxWorkersPerFunction: PARALLEL },
  });
  stripe = stripeFor(local);
  usd = await newYorkEvent(local, 'newyork@example.com');
});
afterAll(() => local?.close());

const usdCart = () => ({
  eventId: usd.eventId,
  items: [
    { ticketTypeId: usd.general, quantity: 2 },
    { ticketTypeId: usd.vip, quantity: 1 },
  ],
  address: NY,
});

describe('the quote', () => {
  it('prices usd tickets at the venue: exclusive tax added, inclusive tax moved out, fee on its own line', async () => {
    // In New York (8.875%): 2 × $45.00 exclusive, 1 × $120.00 inclusive, $1.50 fee per seat.
    const answer = await post(local, '/payments/calculate-tax', usdCart());
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({
      currency: 'usd',
      subtotal: 9000 + 11022,
      fees: 450,
      tax: 799 + 978 + 40,
      total: 22289,
      taxCalculationId: expect.stringMatching(/^taxcalc_/),
    });
    expect(answer.body.lines).toEqual([
      expect.objectContaining({ kind: 'ticket', amount: 9000, tax: 799, taxBehavior: 'exclusive' }),
      expect.objectContaining({
        kind: 'ticket',
        amount: 11022,
        tax: 978,
        taxBehavior: 'inclusive',
      }),
      expect.objectContaining({ kind: 'fee', quantity: 3, unitAmount: 150, amount: 450, tax: 40 }),
    ]);
  });

  it('counts a zero-decimal currency in whole yen', async () => {
    const jpy = await publishedEvent(local, {
      email: 'tokyo@example.com',
      country: 'JP',
      currency: 'jpy',
      ticketFee: 300,
      timeZone: 'Asia/Tokyo',
      venue: {
        name: 'Shibuya Hall',
        line1: '1-1 Jinnan',
        city: 'Tokyo',
        postalCode: '150-0041',
        country: 'JP',
      },
      ticketTypes: [
        { name: 'Floor', price: 5000, taxBehavior: 'exclusive', capacity: 50, perOrderLimit: 4 },
        { name: 'Box', price: 3300, taxBehavior: 'inclusive', capacity: 10, perOrderLimit: 4 },
      ],
    });
    const [floor, box] = jpy.ticketTypeIds as [string, string];
    const cart = {
      eventId: jpy.eventId,
      items: [
        { ticketTypeId: floor, quantity: 2 },
        { ticketTypeId: box, quantity: 1 },
      ],
      address: { country: 'JP', postalCode: '100-0001' },
    };
    // Japan 10%: ¥10,000 + ¥1,000 tax; ¥3,300 inclusive holds ¥300; fee 3 × ¥300 + ¥90 tax.
    const quote = await post(local, '/payments/calculate-tax', cart);
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    expect(quote.body).toMatchObject({
      currency: 'jpy',
      subtotal: 13000,
      fees: 900,
      tax: 1390,
      total: 15290,
    });

    const created = await post(
      local,
      '/payments/createPaymentIntent',
      { ...cart, taxCalculationId: quote.body.taxCalculationId, buyer },
      { 'idempotency-key': 'jpy-checkout-1' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ amount: 15290, currency: 'jpy' });
    const intent = await stripe.paymentIntents.retrieve(created.body.paymentIntentId);
    expect({ amount: intent.amount, currency: intent.currency }).toEqual({
      amount: 15290,
      currency: 'jpy',
    });
  });

  it('answers 404 for an unknown event and 409 for more seats than are left, holding nothing', async () => {
    const unknown = await post(local, '/payments/calculate-tax', {
      ...usdCart(),
      eventId: 'ev_doesnotexist',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');

    const small = await publishedEvent(local, {
      email: 'small@example.com',
      country: 'US',
      currency: 'usd',
      ticketFee: 0,
      timeZone: 'America/New_York',
      venue: {
        name: 'Tiny Room',
        line1: '1 Main St',
        city: 'New York',
        state: 'NY',
        postalCode: '10001',
        country: 'US',
      },
      ticketTypes: [
        { name: 'Seat', price: 1000, taxBehavior: 'exclusive', capacity: 2, perOrderLimit: 4 },
      ],
    });
    const [seat] = small.ticketTypeIds as [string];
    const soldOut = {
      eventId: small.eventId,
      items: [{ ticketTypeId: seat, quantity: 3 }],
      address: NY,
    };
    const quote = await post(local, '/payments/calculate-tax', soldOut);
    expect(quote.status).toBe(409);
    expect(quote.body).toMatchObject({ code: 'sold-out' });
    const checkout = await post(local, '/payments/createPaymentIntent', { ...soldOut, buyer });
    expect(checkout.status).toBe(409);
    expect(checkout.contentType).toContain('application/problem+json');
    expect(await available(local, small.eventId, seat)).toBe(2);
  });
});

describe('createPaymentIntent', () => {
  it('creates a PaymentIntent for exactly the quote total, card payments without redirects', async () => {
    const quote = await post(local, '/payments/calculate-tax', usdCart());
    const created = await post(local, '/payments/createPaymentIntent', {
      ...usdCart(),
      taxCalculationId: quote.body.taxCalculationId,
      buyer,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      orderId: expect.stringMatching(/^ord_/),
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: expect.stringMatching(/^pi_.+_secret_/),
      orderToken: expect.any(String),
      amount: quote.body.total,
      currency: 'usd',
      holdExpiresAt: expect.any(String),
    });
    const intent = await stripe.paymentIntents.retrieve(created.body.paymentIntentId);
    expect(intent).toMatchObject({
      amount: 22289,
      currency: 'usd',
      metadata: { orderId: created.body.orderId },
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
  });

  it('runs one checkout per Idempotency-Key: a duplicate gets 409 while it runs, its answer after', async () => {
    // Warm workers first (each checkout of its own), so the five below run at the same time
    // instead of queueing for a cold start one after the other.
    const one = { ...usdCart(), items: [{ ticketTypeId: usd.general, quantity: 1 }], buyer };
    await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        post(local, '/payments/createPaymentIntent', one, { 'idempotency-key': `warm-${i}` }),
      ),
    );
    const before = await available(local, usd.eventId, usd.general);
    const body = { ...usdCart(), buyer };
    const key = { 'idempotency-key': 'retry-me-1' };
    const racing = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        post(local, '/payments/createPaymentIntent', body, key),
      ),
    );
    // Each duplicate either finds the first in flight (409, come back later) or finished (its
    // answer again): which depends on timing, the one order behind them does not.
    const created = racing.filter((a) => a.status === 201);
    const inFlight = racing.filter((a) => a.status === 409);
    expect(created.length + inFlight.length, JSON.stringify(racing.map((a) => a.body))).toBe(
      PARALLEL,
    );
    expect(created.length).toBeGreaterThan(0);
    for (const answer of created) expect(answer.body).toEqual(created[0]?.body);
    for (const answer of inFlight) {
      expect(answer.body).toMatchObject({ status: 409, code: 'request-in-progress' });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const retried = await post(local, '/payments/createPaymentIntent', body, key);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(created[0]?.body);
    const { orderId, paymentIntentId } = retried.body;
    expect(await available(local, usd.eventId, usd.general)).toBe((before ?? 0) - 2);
    expect(await archived(local, 'SeatsHeld', orderId)).toHaveLength(1);
    expect(await archived(local, 'OrderPlaced', orderId)).toHaveLength(1);
    const intents = await stripe.paymentIntents.list({ limit: 100 });
    expect(intents.data.filter((pi) => pi.metadata.orderId === orderId)).toHaveLength(1);
    expect(paymentIntentId).toBe(created[0]?.body.paymentIntentId);
  });

  it('reads the Idempotency-Key header in any case', async () => {
    const body = { ...usdCart(), buyer };
    const first = await post(local, '/payments/createPaymentIntent', body, {
      'Idempotency-Key': 'any-case-1',
    });
    const again = await post(local, '/payments/createPaymentIntent', body, {
      'idempotency-KEY': 'any-case-1',
    });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('sells the last seats once when buyers race for them', async () => {
    const room = await publishedEvent(local, {
      email: 'race@example.com',
      country: 'US',
      currency: 'usd',
      ticketFee: 0,
      timeZone: 'America/New_York',
      venue: {
        name: 'Last Row',
        line1: '2 Main St',
        city: 'New York',
        state: 'NY',
        postalCode: '10001',
        country: 'US',
      },
      ticketTypes: [
        { name: 'Seat', price: 1000, taxBehavior: 'exclusive', capacity: 2, perOrderLimit: 2 },
      ],
    });
    const [seat] = room.ticketTypeIds as [string];
    const body = {
      eventId: room.eventId,
      items: [{ ticketTypeId: seat, quantity: 2 }],
      address: NY,
      buyer,
    };
    const keys = ['race-1', 'race-2', 'race-3', 'race-4'];
    const answers = await Promise.all(
      keys.map((key) =>
        post(local, '/payments/createPaymentIntent', body, { 'idempotency-key': key }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await available(local, room.eventId, seat)).toBe(0);
    for (const [i, key] of keys.entries()) {
      if (answers[i]?.status !== 409) continue;
      // A loser refused at the hold rather than at the quote keeps no open PaymentIntent.
      const claim = await paymentsRecord(local, `idem#${key}`);
      const payment = await paymentsRecord(local, `payment#${claim?.orderId}`);
      if (payment) {
        const intent = await stripe.paymentIntents.retrieve(payment.paymentIntentId);
        expect(intent.status).toBe('canceled');
        const again = await post(local, '/payments/createPaymentIntent', body, {
          'idempotency-key': key,
        });
        expect(again.status).toBe(409);
      }
    }
  });

  it('cancels the PaymentIntent of a hold refused after it was made, and replays the 409', async () => {
    // Set up an order id whose hold ticketing will refuse: held, then released as canceled.
    const orderId = 'ord_refusedhold0001';
    const body = { ...usdCart(), buyer };
    await putPaymentsRecord(local, 'idem#refused-hold-1', {
      orderId,
      requestFingerprint: fingerprint(body),
    });
    const held = await invokeFunction(
      lambdaAs(local, 'payments'),
      localNames.function('ticketing', 'holdSeats'),
      HoldSeatsInvocation,
      { orderId, eventId: usd.eventId, items: body.items },
    );
    expect(held.ok).toBe(true);
    await publishAs(local, 'payments', [
      PaymentCanceled.build(
        { orderId, paymentIntentId: 'pi_neverpaid0001' },
        { idempotencyKey: `PaymentCanceled:${orderId}`, correlationId: orderId },
      ),
    ]);
    await eventually(
      () => archived(local, 'HoldReleased', orderId),
      (e) => e.length > 0,
    );
    const before = await available(local, usd.eventId, usd.general);

    const key = { 'idempotency-key': 'refused-hold-1' };
    const refused = await post(local, '/payments/createPaymentIntent', body, key);
    expect(refused.status).toBe(409);
    const payment = await paymentsRecord(local, `payment#${orderId}`);
    const intent = await stripe.paymentIntents.retrieve(payment?.paymentIntentId);
    expect(intent.status).toBe('canceled');
    expect(await post(local, '/payments/createPaymentIntent', body, key)).toMatchObject({
      status: 409,
    });
    expect(await available(local, usd.eventId, usd.general)).toBe(before);
  });

  it('refuses the same Idempotency-Key with another body (422) without side effects', async () => {
    const key = { 'idempotency-key': 'reused-key-1' };
    const first = await post(local, '/payments/createPaymentIntent', { ...usdCart(), buyer }, key);
    expect(first.status).toBe(201);
    const before = await available(local, usd.eventId, usd.general);
    const other = await post(
      local,
      '/payments/createPaymentIntent',
      { ...usdCart(), items: [{ ticketTypeId: usd.general, quantity: 1 }], buyer },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.contentType).toContain('application/problem+json');
    expect(await available(local, usd.eventId, usd.general)).toBe(before);
  });

  it('refuses a taxCalculationId it did not issue, or issued for another cart, holding nothing', async () => {
    const before = await available(local, usd.eventId, usd.general);
    const foreign = await post(local, '/payments/createPaymentIntent', {
      ...usdCart(),
      taxCalculationId: 'taxcalc_notours123',
      buyer,
    });
    expect(foreign.status).toBe(409);
    expect(foreign.body).toMatchObject({ code: 'quote-unknown' });

    const otherCart = await post(local, '/payments/calculate-tax', {
      ...usdCart(),
      items: [{ ticketTypeId: usd.general, quantity: 1 }],
    });
    const mismatched = await post(local, '/payments/createPaymentIntent', {
      ...usdCart(),
      taxCalculationId: otherCart.body.taxCalculationId,
      buyer,
    });
    expect(mismatched.status).toBe(409);
    expect(mismatched.body).toMatchObject({ code: 'quote-other-cart' });
    expect(await available(local, usd.eventId, usd.general)).toBe(before);
  });
});

describe('an order below what a card payment can be', () => {
  it('is refused with 409 saying why, not 502 inviting a retry that cannot succeed', async () => {
    const cheap = await publishedEvent(local, {
      email: 'cheap@example.com',
      country: 'US',
      currency: 'usd',
      ticketFee: 0,
      timeZone: 'America/Chicago',
      venue: {
        name: 'Free Jazz Loft',
        line1: '1 Main St',
        city: 'Austin',
        state: 'TX',
        postalCode: '73301',
        country: 'US',
      },
      ticketTypes: [
        { name: 'Almost free', price: 25, taxBehavior: 'inclusive', capacity: 5, perOrderLimit: 1 },
      ],
    });
    const [almostFree] = cheap.ticketTypeIds as [string];
    const answer = await post(local, '/payments/createPaymentIntent', {
      eventId: cheap.eventId,
      items: [{ ticketTypeId: almostFree, quantity: 1 }],
      address: NY,
      buyer,
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'amount-too-small' });
  });
});

describe('bad input', () => {
  it.each([
    ['/payments/calculate-tax', { ...{ items: [] }, address: NY }, ['eventId', 'items']],
    [
      '/payments/calculate-tax',
      { eventId: 'ev_x1234', items: [{ ticketTypeId: 'tt_x1234', quantity: 0 }], address: {} },
      ['items.0.quantity', 'address.country', 'address.postalCode'],
    ],
    [
      '/payments/createPaymentIntent',
      { eventId: 'ev_x1234', items: [{ ticketTypeId: 'tt_x1234', quantity: 1 }], address: NY },
      ['buyer'],
    ],
    [
      '/payments/createPaymentIntent',
      {
        eventId: 'ev_x1234',
        items: [{ ticketTypeId: 'tt_x1234', quantity: 1 }],
        address: { ...NY, country: 'usa' },
        buyer: { email: 'not-an-email', name: 'B' },
        taxCalculationId: 'calc_1',
      },
      ['address.country', 'buyer.email', 'taxCalculationId'],
    ],
  ])('%s answers 400 problem+json naming the fields', async (path, body, fields) => {
    const answer = await post(local, path, body);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    const paths = (answer.body.errors as { path: string }[]).map((e) => e.path);
    for (const field of fields) expect(paths).toContain(field);
  });

  it('refuses more attendees than seats, and a promotion code, naming the field', async () => {
    const attendee = { name: 'A', email: 'a@example.com' };
    const crowd = await post(local, '/payments/createPaymentIntent', {
      ...usdCart(),
      buyer,
      attendees: [attendee, attendee, attendee, attendee],
    });
    expect(crowd.status).toBe(400);
    expect(crowd.body.errors).toEqual([expect.objectContaining({ path: 'attendees' })]);
    const promo = await post(local, '/payments/calculate-tax', { ...usdCart(), promoCode: 'FREE' });
    expect(promo.status).toBe(400);
    expect(promo.body.errors).toEqual([expect.objectContaining({ path: 'promoCode' })]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const answer = await post(local, '/payments/createPaymentIntent', '{"eventId":');
    expect(answer.status).toBe(400);
  });
});
