import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, logger, MetricUnit, metrics, publish } from '@mytabs/lambda-kit';
import type Stripe from 'stripe';
import { publishedFacts } from '../adapters/published-fact-records.ts';
import { stripeClient } from '../adapters/stripe-client.ts';
import { factsOf } from '../adapters/stripe-facts.ts';
import { webhookEvents } from '../adapters/webhook-event-records.ts';
import { webhookSecret } from '../adapters/webhook-secret.ts';
import { PaymentsNotConfigured } from '../domain/payments-not-configured.ts';
import { notConfiguredProblem } from '../http/checkout-problems.ts';

/**
 * `POST /payments/webhook`: Stripe's events become domain events once per fact. The signature is
 * checked on the raw body. A fact already published (the same change under another Stripe event
 * id) is not published again; the records of the facts and of the Stripe event are written only
 * after the domain events are on the bus, so a failure in between answers 500 and Stripe's retry
 * publishes again (consumers deduplicate on each event's idempotency key).
 */
export const handler = httpHandler(operations.stripeWebhook, async ({ headers, rawBody }) => {
  let stripe: Stripe;
  let secret: string;
  try {
    stripe = await stripeClient();
    secret = await webhookSecret();
  } catch (error) {
    // Stripe keeps delivering an event answered 5xx for three days: none is lost meanwhile.
    if (error instanceof PaymentsNotConfigured) throw notConfiguredProblem();
    throw error;
  }
  let verified: Stripe.Event;
  try {
    verified = await stripe.webhooks.constructEventAsync(
      rawBody,
      headers['stripe-signature'],
      secret,
    );
  } catch (error) {
    // Verifying does no I/O, so whatever it throws is a header that does not verify: the SDK
    // throws a plain Error, not its verification error, for an empty `v1=`.
    throw new HttpProblem(400, 'The Stripe-Signature header does not match this body.', {
      errors: [{ path: 'headers.stripe-signature', message: (error as Error).message }],
    });
  }
  if (await webhookEvents.seen(verified.id)) {
    logger.info('Duplicate Stripe event', { stripeEventId: verified.id });
    return { status: 200, body: { received: true } };
  }
  const facts = await factsOf(verified);
  const fresh = [];
  for (const fact of facts) {
    if (!(await publishedFacts.seen(fact.detail.metadata.idempotencyKey))) fresh.push(fact);
  }
  await publish(...fresh);
  const failed = fresh.filter((f) => f.DetailType === 'PaymentFailed').length;
  if (failed > 0) metrics.addMetric('PaymentsFailed', MetricUnit.Count, failed);
  for (const fact of fresh) {
    await publishedFacts.record(fact.detail.metadata.idempotencyKey, verified.id);
  }
  await webhookEvents.record(verified.id, verified.type, new Date().toISOString());
  logger.info('Stripe event handled', {
    stripeEventId: verified.id,
    type: verified.type,
    published: fresh.map((e) => e.detail.metadata.idempotencyKey),
  });
  return { status: 200, body: { received: true } };
});
