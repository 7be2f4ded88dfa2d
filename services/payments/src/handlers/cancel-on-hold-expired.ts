import { HoldExpired } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/contracts/runtime/event-handler';
import { logger } from '../adapters/aws-clients.ts';
import { payments } from '../adapters/records.ts';
import { cancelPaymentIntent } from '../adapters/stripe-payments.ts';

/**
 * An unpaid hold expired: cancel the order's PaymentIntent (reason `abandoned`); Stripe's
 * `payment_intent.canceled` becomes PaymentCanceled, which releases the seats. A payment that
 * already succeeded is left alone (fulfillment claims the hold). Checkout records the
 * PaymentIntent before it holds seats, so every hold has one to cancel.
 */
export const handler = eventHandler([HoldExpired], async ({ data }) => {
  const payment = await payments.find(data.orderId);
  if (!payment) {
    logger.warn('Hold expired for an order without a PaymentIntent', { orderId: data.orderId });
    return;
  }
  const outcome = await cancelPaymentIntent(payment.paymentIntentId, 'abandoned');
  logger.info('Hold expired', { orderId: data.orderId, outcome });
});
