import type { OrderStatus, OrderTicket } from '@mytabs/contracts';
import type * as z from 'zod';
import { changed, type Decision, unchanged } from './decision.ts';
import type { ConfirmationStatus, Order } from './order.ts';
import { IllegalTransition, transition } from './transitions.ts';

/** Statuses an order reaches only after it was paid: MarkPaid's work is done there. */
const PAID_OR_LATER: ReadonlySet<OrderStatus> = new Set([
  'PAID',
  'FULFILLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
  'FAILED',
]);

/** Statuses past fulfillment (or that end it): MarkFulfilled's work is done or moot there. */
const FULFILLED_OR_LATER: ReadonlySet<OrderStatus> = new Set([
  'FULFILLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'DISPUTED',
]);

export class PaymentMismatch extends Error {
  override name = 'PaymentMismatch';
}

/** MarkPaid: PENDING_PAYMENT → PAID; an order already paid (or past it) stays as it is. */
export const markPaid = (order: Order, paymentIntentId: string, now: Date): Decision => {
  if (order.paymentIntentId !== paymentIntentId) {
    throw new PaymentMismatch(
      `order ${order.orderId} is paid by ${order.paymentIntentId}, not ${paymentIntentId}`,
    );
  }
  if (PAID_OR_LATER.has(order.status)) return unchanged(order);
  return changed(transition(order, 'markPaid', 'PAID', now, { paidAt: now.toISOString() }));
};

/** MarkFulfilled: PAID → FULFILLED with the tickets and how the confirmation email went. */
export const markFulfilled = (
  order: Order,
  result: {
    tickets: z.infer<typeof OrderTicket>[];
    confirmation: { status: z.infer<typeof ConfirmationStatus> };
  },
  now: Date,
): Decision => {
  if (FULFILLED_OR_LATER.has(order.status)) return unchanged(order);
  return changed(transition(order, 'markFulfilled', 'FULFILLED', now, result));
};

/** MarkFailed: PAID → FAILED with why and what was refunded; a FAILED order stays as it is. */
export const markFailed = (
  order: Order,
  failure: NonNullable<Order['failure']>,
  now: Date,
): Decision => {
  if (order.status === 'FAILED') return unchanged(order);
  if (order.status !== 'PAID') {
    throw new IllegalTransition(order.orderId, 'markFailed', order.status, 'FAILED');
  }
  return changed(transition(order, 'markFailed', 'FAILED', now, { failure }));
};
