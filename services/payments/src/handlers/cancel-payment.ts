import { CancelPaymentInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { payments } from '../adapters/payment-records.ts';
import { cancelPaymentIntent } from '../adapters/stripe-payments.ts';

/**
 * `payments.cancelPayment`, for orders' cancel route. The seats come back later, when Stripe's
 * `payment_intent.canceled` becomes PaymentCanceled; a paid order is left alone.
 */
export const handler = invocationHandler(CancelPaymentInvocation, async ({ orderId, reason }) => {
  const payment = await payments.find(orderId);
  if (!payment) return { outcome: 'not-found' as const };
  return { outcome: await cancelPaymentIntent(payment.paymentIntentId, reason) };
});
