import Stripe from 'stripe';
import { stripeClient } from './stripe-client.ts';

/**
 * The order's PaymentIntent: card payments confirmed in the browser without redirects. The
 * idempotency key is the order id, so a retried checkout never makes a second one.
 */
export const createPaymentIntent = async (orderId: string, amount: number, currency: string) =>
  (await stripeClient()).paymentIntents.create(
    {
      amount,
      currency,
      metadata: { orderId },
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    },
    { idempotencyKey: orderId },
  );

export const retrievePaymentIntent = async (id: string) =>
  (await stripeClient()).paymentIntents.retrieve(id);

export type CancelOutcome = 'canceled' | 'already-canceled' | 'already-succeeded';

/**
 * Cancels a PaymentIntent unless it is past that: one that succeeded is left alone (fulfillment
 * goes on) and one already canceled needs nothing. Stripe refuses both with a state error, so the
 * answer is read from the PaymentIntent itself.
 */
export const cancelPaymentIntent = async (
  id: string,
  reason: 'requested_by_customer' | 'abandoned',
): Promise<CancelOutcome> => {
  const stripe = await stripeClient();
  const before = await stripe.paymentIntents.retrieve(id);
  if (before.status === 'succeeded') return 'already-succeeded';
  if (before.status === 'canceled') return 'already-canceled';
  try {
    await stripe.paymentIntents.cancel(id, { cancellation_reason: reason });
    return 'canceled';
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    const after = await stripe.paymentIntents.retrieve(id);
    if (after.status === 'succeeded') return 'already-succeeded';
    if (after.status === 'canceled') return 'already-canceled';
    throw error;
  }
};
