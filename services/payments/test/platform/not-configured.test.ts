import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  archived,
  available,
  NEW_YORK_BUYER as NY,
  newYorkEvent,
  post,
  stripeFor,
} from './actors.ts';

let local: RepoPlatform;
let event: { eventId: string; general: string };

/** What a first deploy leaves in a third-party secret: 32 random printable characters. */
const PLACEHOLDER = 'q8%Zr!T2w@Lm#4Xv^9Bn&6Cs*1Dk(7Fh';

beforeAll(async () => {
  local = await startRepoPlatform();
  event = await newYorkEvent(local, 'unconfigured@example.com');
  // Before any payments function has run, so none holds the real key in a warm worker.
  const secrets = new SecretsManagerClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'operator', secretAccessKey: 'test' },
  });
  for (const key of ['stripe-secret-key', 'stripe-webhook-secret']) {
    await secrets.send(
      new PutSecretValueCommand({
        SecretId: localNames.secret('payments', key),
        SecretString: PLACEHOLDER,
      }),
    );
  }
  secrets.destroy();
}, 120_000);
afterAll(() => local?.close());

const notConfigured = {
  status: 503,
  type: expect.any(String),
  title: expect.any(String),
  code: 'payments-not-configured',
};

it('answers 503 payments-not-configured to a checkout, holding no seat and creating no PaymentIntent', async () => {
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: event.general, quantity: 2 }],
    address: NY,
  };
  const seatsBefore = await available(local, event.eventId, event.general);

  const quote = await post(local, '/payments/calculate-tax', cart);
  expect(quote.status).toBe(503);
  expect(quote.contentType).toContain('application/problem+json');
  expect(quote.body).toMatchObject(notConfigured);

  const checkout = await post(
    local,
    '/payments/createPaymentIntent',
    {
      ...cart,
      buyer: { email: 'buyer@example.com', name: 'Bea Buyer' },
    },
    { 'idempotency-key': 'first-order-before-stripe' },
  );
  expect(checkout.status).toBe(503);
  expect(checkout.body).toMatchObject(notConfigured);

  expect(await available(local, event.eventId, event.general)).toBe(seatsBefore);
  expect((await stripeFor(local).paymentIntents.list()).data).toEqual([]);
  expect(await archived(local, 'OrderPlaced')).toEqual([]);
});

it('refuses a webhook with 503 so that Stripe delivers it again once configured', async () => {
  const answer = await post(
    local,
    '/payments/webhook',
    {
      id: 'evt_1PlaceholderSecret',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: 1_780_000_000,
      livemode: false,
      data: { object: { id: 'pi_1PlaceholderSecret', object: 'payment_intent' } },
    },
    { 'stripe-signature': 't=1,v1=00' },
  );
  expect(answer.status).toBe(503);
  expect(answer.body).toMatchObject(notConfigured);
});
