import { CancelPaymentInvocation, invocationHandler } from '@mytabs/contracts';

/** `payments.cancelPayment`, for orders' cancel route: cancels the order's PaymentIntent. */
export const handler = invocationHandler(CancelPaymentInvocation, async () => {
  throw new Error('not built yet');
});
