import * as z from 'zod';

/**
 * The one definition of a stuck order, for the scheduled measure behind the alarm and the
 * operator's CLI (`ops status`, `ops orders stuck`) alike: paid and not fulfilled after
 * `olderThanMs`, or a succeeded PaymentIntent whose order is still PENDING_PAYMENT after it
 * (PaymentSucceeded never started its fulfillment; only a reader of payments' records knows).
 */
export type StuckReason = 'paid-not-fulfilled' | 'payment-succeeded-order-pending';

/** How long a paid order may wait for its fulfillment before it counts as stuck. */
export const STUCK_AFTER_MS = 15 * 60_000;

/** What the orders table holds of an order, as far as being stuck goes. */
export const StuckOrderItem = z.object({
  orderId: z.string(),
  status: z.string(),
  updatedAt: z.string(),
  paymentIntentId: z.string(),
  amount: z.number(),
  currency: z.string(),
  buyer: z.object({ email: z.string() }),
  confirmation: z.object({ status: z.string() }).optional(),
});
export type StuckOrderItem = z.infer<typeof StuckOrderItem>;

/** Whether one order is stuck, given whether its payment succeeded. */
export const stuckReason = (
  order: Pick<StuckOrderItem, 'status' | 'updatedAt'>,
  paymentSucceeded: boolean,
  now: Date,
  olderThanMs: number,
): StuckReason | undefined => {
  if (now.getTime() - Date.parse(order.updatedAt) < olderThanMs) return undefined;
  if (order.status === 'PAID') return 'paid-not-fulfilled';
  if (order.status === 'PENDING_PAYMENT' && paymentSucceeded) {
    return 'payment-succeeded-order-pending';
  }
  return undefined;
};

/** Orders paid and not fulfilled after `olderThanMs`: what the alarm counts. */
export const countPaidNotFulfilled = (
  orders: readonly Pick<StuckOrderItem, 'status' | 'updatedAt'>[],
  now: Date,
  olderThanMs = STUCK_AFTER_MS,
) =>
  orders.filter((order) => stuckReason(order, false, now, olderThanMs) === 'paid-not-fulfilled')
    .length;
