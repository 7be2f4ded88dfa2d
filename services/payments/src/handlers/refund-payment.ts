import { invocationHandler, RefundPaymentInvocation } from '@mytabs/contracts';

/** `payments.refundPayment`, for organizer refunds and the fulfillment workflow's RefundPayment step. */
export const handler = invocationHandler(RefundPaymentInvocation, async () => {
  throw new Error('not built yet');
});
