import { RefundPaymentInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { payments } from '../adapters/payment-records.ts';
import { refundOnce } from '../adapters/stripe-refunds.ts';
import { PaymentNotFound } from '../domain/payment-errors.ts';

const RefundStatus = RefundPaymentInvocation.response.shape.status;

/**
 * `payments.refundPayment`, for organizer refunds and the fulfillment workflow's RefundPayment
 * step: full by default, partial with `amount`, once per `refundRequestId`. A refund that cannot
 * be made (unpaid, nothing left, more than is left) fails with `RefundRejected`.
 */
export const handler = invocationHandler(RefundPaymentInvocation, async (request) => {
  const payment = await payments.find(request.orderId);
  if (!payment) throw new PaymentNotFound(`No payment for order ${request.orderId}.`);
  const refund = await refundOnce({
    orderId: request.orderId,
    paymentIntentId: payment.paymentIntentId,
    refundRequestId: request.refundRequestId,
    amount: request.amount,
    reason: request.reason,
  });
  return {
    refundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
    status: RefundStatus.parse(refund.status ?? 'pending'),
  };
});
