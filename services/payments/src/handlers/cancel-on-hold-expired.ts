import { HoldExpired } from '@mytabs/contracts';
import { eventHandler, logger, publish } from '@mytabs/lambda-kit';
import { payments } from '../adapters/payment-records.ts';
import { stripeClient } from '../adapters/stripe-client.ts';
import { intentView } from '../adapters/stripe-facts.ts';
import { cancelPaymentIntent } from '../adapters/stripe-payments.ts';
import { paymentCanceled } from '../domain/payment-facts.ts';

/**
 * An unpaid hold expired: cancel the order's PaymentIntent (reason `abandoned`); Stripe's
 * `payment_intent.canceled` becomes PaymentCanceled, which releases the seats. A payment that
 * already succeeded is left alone (fulfillment claims the hold). Checkout records the
 * PaymentIntent before it holds seats, so every hold has one to cancel. The sweeper reports a hold
 * again while it stays active: if its PaymentIntent is canceled already, the release that should
 * have followed was lost, so PaymentCanceled is published again (same idempotency key: consumers
 * that did their part do nothing).
 */
export const handler = eventHandler([HoldExpired], async ({ data }) => {
  const payment = await payments.find(data.orderId);
  if (!payment) {
    logger.warn('Hold expired for an order without a PaymentIntent', { orderId: data.orderId });
    return;
  }
  const outcome = await cancelPaymentIntent(payment.paymentIntentId, 'abandoned');
  logger.info('Hold expired', { orderId: data.orderId, outcome });
  if (outcome === 'already-canceled') {
    const stripe = await stripeClient();
    await publish(
      ...paymentCanceled(intentView(await stripe.paymentIntents.retrieve(payment.paymentIntentId))),
    );
  }
});
