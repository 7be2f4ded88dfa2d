import { CancelPaymentInvocation, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, invoke, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { orderAccess } from '../domain/order-access.ts';

/**
 * The buyer abandons an unpaid order: its PaymentIntent is canceled now; the order becomes
 * CANCELED and its seats come back when PaymentCanceled arrives (never from here).
 */
export const handler = httpHandler(operations.cancelOrder, async ({ params, principal }) => {
  const order = await repositories().orders.find(params.orderId);
  if (!order) throw new HttpProblem(404, 'No such order.');
  refuseUnlessAllowed(orderAccess(principal, order), 'No such order.');
  if (order.status !== 'PENDING_PAYMENT') {
    throw new HttpProblem(
      409,
      `The order is ${order.status}: only an unpaid order can be canceled.`,
      { orderStatus: order.status },
    );
  }
  const { outcome } = await invoke(CancelPaymentInvocation, {
    orderId: order.orderId,
    reason: 'requested_by_customer',
  });
  if (outcome === 'already-succeeded') {
    throw new HttpProblem(409, 'The order is already paid: it cannot be canceled.');
  }
  if (outcome === 'not-found') {
    throw new HttpProblem(409, 'The order has no payment to cancel.');
  }
  return { status: 202, body: { orderId: order.orderId, status: order.status } };
});
