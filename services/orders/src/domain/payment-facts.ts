import type { LastPaymentError, MinorUnits } from '@mytabs/contracts';
import { changed, type Decision, unchanged } from './decision.ts';
import type { Order } from './order.ts';
import { isAllowed, transition } from './transitions.ts';

/**
 * What each payment fact from the bus does to an order. Facts arrive late, twice and out of
 * order, so each one only ever moves an order forward: a fact the order is past changes nothing.
 */

/** A declined attempt: recorded while the order awaits payment (the buyer may retry). */
export const recordPaymentFailure = (
  order: Order,
  fact: { lastPaymentError: LastPaymentError; occurredAt: string },
  now: Date,
): Decision => {
  if (order.status !== 'PENDING_PAYMENT') return unchanged(order);
  if (order.lastPaymentErrorAt && order.lastPaymentErrorAt >= fact.occurredAt) {
    return unchanged(order);
  }
  return changed({
    ...order,
    lastPaymentError: fact.lastPaymentError,
    lastPaymentErrorAt: fact.occurredAt,
    updatedAt: now.toISOString(),
  });
};

/** The PaymentIntent was canceled: an unpaid order is CANCELED. */
export const cancelOnPaymentCanceled = (order: Order, now: Date): Decision =>
  isAllowed('paymentCanceled', order.status, 'CANCELED')
    ? changed(transition(order, 'paymentCanceled', 'CANCELED', now))
    : unchanged(order);

/**
 * Stripe refunded (part of) the payment. A fulfilled order becomes REFUNDED once everything it
 * cost is refunded, else PARTIALLY_REFUNDED. Before fulfillment (the workflow's own refund of an
 * order it could not fulfil) only the amount is recorded: MarkFailed owns that order's status.
 */
export const recordRefund = (
  order: Order,
  fact: { refundId: string; amountRefunded: MinorUnits },
  now: Date,
): Decision => {
  if (fact.amountRefunded <= order.amountRefunded) return unchanged(order);
  const refunded = { amountRefunded: fact.amountRefunded, lastRefundId: fact.refundId };
  const to = fact.amountRefunded >= order.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (isAllowed('paymentRefunded', order.status, to)) {
    return changed(transition(order, 'paymentRefunded', to, now, refunded));
  }
  return changed({ ...order, ...refunded, updatedAt: now.toISOString() });
};

/** The buyer's bank disputed the charge: a paid order is DISPUTED (its tickets revoked). */
export const recordDispute = (
  order: Order,
  fact: { disputeId: string; reason: string },
  now: Date,
): Decision =>
  isAllowed('paymentDisputed', order.status, 'DISPUTED')
    ? changed(
        transition(order, 'paymentDisputed', 'DISPUTED', now, {
          dispute: { disputeId: fact.disputeId, reason: fact.reason },
        }),
      )
    : unchanged(order);
