import { StepErrors } from '@mytabs/contracts';
import { changed, type Decision, unchanged } from './decision.ts';
import type { Order } from './order.ts';

/** Orders a page of EventCancellation holds: an inline Map of about 10 at a time goes through it. */
export const CANCELLATION_PAGE_SIZE = 50;

/** The workflow's input starts before the first page (a null cursor) with nothing done. */
export const firstPage = { cursor: null, doneAfter: 0 };

/** The order's payment or fulfillment is under way: CancelOrder tries it again later. */
export class OrderInFlight extends Error {
  override name = StepErrors.orderInFlight;
}

export type CancellationStep = 'refund' | 'cancel-payment' | 'wait' | 'nothing';

/**
 * What the cancellation of its event does to an order. A paid one is refunded of what remains;
 * one marked by an earlier run is refunded again (the same refund, found by its request id) so a
 * redrive after a crash between the refund and the email still tells its buyer. An unpaid one's
 * PaymentIntent is canceled. A PAID one waits for its fulfillment to end (FULFILLED, to refund;
 * FAILED, refunded already). Anything else (canceled, failed, refunded, disputed) is settled.
 */
export const cancellationStep = (order: Order): CancellationStep => {
  if (order.eventCanceled) return 'refund';
  switch (order.status) {
    case 'FULFILLED':
    case 'PARTIALLY_REFUNDED':
      return 'refund';
    case 'PENDING_PAYMENT':
      return 'cancel-payment';
    case 'PAID':
      return 'wait';
    default:
      return 'nothing';
  }
};

/**
 * The mark, before the refund, that its event's cancellation refunds the order: the refund's
 * OrderRefunded then says so (`cause`), and the cancellation email is its only announcement.
 */
export const markEventCanceled = (order: Order, reason: string, now: Date): Decision =>
  order.eventCanceled
    ? unchanged(order)
    : changed({ ...order, eventCanceled: { reason }, updatedAt: now.toISOString() });

/** Stripe's idempotency key of an order's refund by its event's cancellation. */
export const cancellationRefundId = (orderId: string) => `event-canceled:${orderId}`;
