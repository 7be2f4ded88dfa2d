import { operations, RefundPaymentInvocation } from '@mytabs/contracts';
import {
  HttpProblem,
  httpHandler,
  InvocationError,
  invoke,
  refuseUnlessAllowed,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { refundAccess } from '../domain/order-access.ts';
import { checkRefund, refundRequestId } from '../domain/refund-request.ts';

/**
 * An organizer refunds (part of) a fulfilled order. The required `Idempotency-Key`, scoped to the
 * caller, runs the request once (the kit) and makes the refund request id, Stripe's idempotency
 * key: a double submit refunds once. The order's status follows when Stripe reports the refund
 * (PaymentRefunded).
 */
export const handler = httpHandler(
  operations.refundOrder,
  async ({ params, headers, body, principal }) => {
    const order = await repositories().orders.find(params.orderId);
    if (!order) throw new HttpProblem(404, 'No such order.');
    refuseUnlessAllowed(refundAccess(principal, order), 'No such order.');
    const check = checkRefund(order, body.amount);
    if (!check.ok && check.reason === 'too-much') {
      throw new HttpProblem(400, 'Some fields are missing or invalid.', {
        errors: [
          { path: 'amount', message: `must be at most ${check.left}, what is left to refund` },
        ],
      });
    }
    if (!check.ok) {
      throw new HttpProblem(
        409,
        `The order is ${order.status} with ${check.left} left to refund.`,
        { orderStatus: order.status },
      );
    }
    // The amount asked for, or none: what is left is Stripe's to know, since our `amountRefunded`
    // only moves once PaymentRefunded comes back.
    const refund = await invoke(RefundPaymentInvocation, {
      orderId: order.orderId,
      refundRequestId: refundRequestId(order.orderId, principal.userId, headers['idempotency-key']),
      ...(body.amount !== undefined && { amount: body.amount }),
      ...(body.reason && { reason: body.reason }),
    }).catch((error: unknown) => {
      if (error instanceof InvocationError && error.errorType === 'RefundRejected') {
        throw new HttpProblem(409, error.message.replace(/^.*RefundRejected: /, ''));
      }
      throw error;
    });
    return { status: 202, body: { orderId: order.orderId, ...refund } };
  },
  { idempotency: { scope: ({ principal }) => principal.userId } },
);
