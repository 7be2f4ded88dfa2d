import {
  CancelOrderForEventStep,
  CancelPaymentInvocation,
  RefundPaymentInvocation,
  SendEventCanceledInvocation,
} from '@mytabs/contracts';
import { InvocationError, invocationHandler, invoke, logger } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { asStep } from '../adapters/step-errors.ts';
import { changeOrder } from '../domain/change-order.ts';
import {
  cancellationRefundId,
  cancellationStep,
  markEventCanceled,
  OrderInFlight,
} from '../domain/event-cancellation.ts';
import { toSnapshot } from '../domain/order-views.ts';
import { OrderNotFound } from '../domain/ports.ts';

/** Nothing is left to refund (an organizer refunded the rest meanwhile): nothing to announce. */
const unlessNothingLeft = (error: unknown) => {
  if (error instanceof InvocationError && error.errorType === 'RefundRejected') return undefined;
  throw error;
};

/**
 * `orders.cancelOrderForEvent`, EventCancellation's one Task per order. Each effect goes through
 * its owner's path and is made once whatever the retries: the PaymentIntent's cancel (Stripe's
 * state), the refund (its request id, Stripe's idempotency key), the email (notifications' record
 * per order); the order's status follows from PaymentCanceled or PaymentRefunded, as always.
 */
export const handler = invocationHandler(
  CancelOrderForEventStep,
  asStep(async ({ orderId, event, reason }) => {
    const { orders } = repositories();
    const order = await orders.find(orderId);
    if (!order) throw new OrderNotFound(orderId);
    const step = cancellationStep(order);
    if (step === 'nothing') return { outcome: 'nothing-to-do' as const };
    if (step === 'wait') throw new OrderInFlight(`Order ${orderId} is being fulfilled.`);
    if (step === 'cancel-payment') {
      const { outcome } = await invoke(CancelPaymentInvocation, { orderId, reason: 'abandoned' });
      // Paid after it was read: ConfirmHold refuses it (and refunds), unless it was past that.
      if (outcome === 'already-succeeded') throw new OrderInFlight(`Order ${orderId} was paid.`);
      return { outcome: outcome === 'not-found' ? 'nothing-to-do' : 'payment-canceled' };
    }
    const { order: marked } = await changeOrder(orders, orderId, (current) =>
      markEventCanceled(current, reason, new Date()),
    );
    const refund = await invoke(RefundPaymentInvocation, {
      orderId,
      refundRequestId: cancellationRefundId(orderId),
      reason: 'requested_by_customer',
    }).catch(unlessNothingLeft);
    if (!refund) return { outcome: 'nothing-to-do' as const };
    const email = await invoke(SendEventCanceledInvocation, {
      order: toSnapshot(marked),
      event,
      reason,
      refund: { amount: refund.amount, currency: refund.currency },
    });
    logger.info('Order refunded for its canceled event', { orderId, email: email.status });
    return { outcome: 'refunded' as const };
  }),
);
