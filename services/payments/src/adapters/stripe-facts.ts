import { logger } from '@mytabs/lambda-kit';
import Stripe from 'stripe';
import {
  type Fact,
  type IntentView,
  paymentCanceled,
  paymentDisputed,
  paymentFailed,
  paymentRefunded,
  paymentSucceeded,
} from '../domain/payment-facts.ts';
import { stripeClient } from './stripe-client.ts';

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : value?.id;

export const intentView = (pi: Stripe.PaymentIntent): IntentView => ({
  id: pi.id,
  status: pi.status,
  amount: pi.amount,
  currency: pi.currency,
  orderId: pi.metadata?.orderId,
  latestChargeId: idOf(pi.latest_charge),
  cancellationReason: pi.cancellation_reason ?? undefined,
});

const refundFacts = async (stripe: Stripe, chargeId: string) => {
  const charge = await stripe.charges.retrieve(chargeId);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return [];
  const pi = await stripe.paymentIntents.retrieve(paymentIntentId);
  const refunds = await stripe.refunds.list({ charge: chargeId, limit: 100 }).autoPagingToArray({
    limit: 1000,
  });
  return paymentRefunded(
    intentView(pi),
    { amount: charge.amount, currency: charge.currency },
    refunds.reverse().map((r) => ({
      id: r.id,
      amount: r.amount,
      status: r.status ?? 'pending',
      created: r.created,
      reason: r.reason ?? undefined,
    })),
  );
};

/**
 * The domain events a verified Stripe event stands for. Every state is read from Stripe again:
 * events arrive late, twice and out of order, so the snapshot in the event is only a pointer.
 * Types this service does not act on answer no events (and are still recorded as received), and
 * so does an event about an object Stripe does not know: retrying it would never find it either.
 */
export const factsOf = async (event: Stripe.Event): Promise<Fact[]> => {
  try {
    return await factsRead(event);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.statusCode !== 404) {
      throw error;
    }
    logger.warn('Stripe event about an object Stripe does not know', {
      stripeEventId: event.id,
      type: event.type,
      error: error.message,
    });
    return [];
  }
};

const factsRead = async (event: Stripe.Event): Promise<Fact[]> => {
  const stripe = await stripeClient();
  const object = event.data.object as { id: string };
  switch (event.type) {
    case 'payment_intent.succeeded':
      return paymentSucceeded(intentView(await stripe.paymentIntents.retrieve(object.id)));
    case 'payment_intent.canceled':
      return paymentCanceled(intentView(await stripe.paymentIntents.retrieve(object.id)));
    case 'payment_intent.payment_failed': {
      // The declined attempt is history (a later one may have succeeded): its details come from
      // the signed event, which names the charge that identifies the attempt.
      const error = (event.data.object as Stripe.PaymentIntent).last_payment_error;
      const chargeId = idOf(error?.charge);
      if (!error || !chargeId) return [];
      const pi = await stripe.paymentIntents.retrieve(object.id);
      return paymentFailed(intentView(pi), {
        chargeId,
        type: error.type,
        code: error.code,
        declineCode: error.decline_code,
        message: error.message ?? 'The payment was declined.',
      });
    }
    case 'charge.refunded':
      return refundFacts(stripe, object.id);
    case 'refund.created':
    case 'refund.updated': {
      const refund = await stripe.refunds.retrieve(object.id);
      const chargeId = idOf(refund.charge);
      return chargeId ? refundFacts(stripe, chargeId) : [];
    }
    case 'charge.dispute.created': {
      const dispute = await stripe.disputes.retrieve(object.id);
      const paymentIntentId = idOf(dispute.payment_intent);
      const chargeId = idOf(dispute.charge);
      if (!paymentIntentId || !chargeId) return [];
      const pi = await stripe.paymentIntents.retrieve(paymentIntentId);
      return paymentDisputed(intentView(pi), {
        id: dispute.id,
        chargeId,
        amount: dispute.amount,
        currency: dispute.currency,
        reason: dispute.reason,
      });
    }
    default:
      return [];
  }
};
