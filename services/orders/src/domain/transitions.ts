import type { OrderStatus } from '@mytabs/contracts';
import type { Order } from './order.ts';

/**
 * Every transition of an order and its one owner (docs/architecture.md, "Who owns each transition of an order"). An owner moves
 * an order only from the statuses listed, only to the statuses listed: anything else is refused.
 */
export const TRANSITIONS = {
  /** The workflow's first step, once Stripe says the payment succeeded. */
  markPaid: { from: ['PENDING_PAYMENT'], to: ['PAID'] },
  /** The consumer of PaymentCanceled (buyer canceled, or the hold expired unpaid). */
  paymentCanceled: { from: ['PENDING_PAYMENT'], to: ['CANCELED'] },
  /** The workflow's last step, with the tickets. */
  markFulfilled: { from: ['PAID'], to: ['FULFILLED'] },
  /** The workflow's failure path, after the refund. */
  markFailed: { from: ['PAID'], to: ['FAILED'] },
  /** The consumer of PaymentRefunded: an organizer's refund of a fulfilled order. */
  paymentRefunded: {
    from: ['FULFILLED', 'PARTIALLY_REFUNDED'],
    to: ['REFUNDED', 'PARTIALLY_REFUNDED'],
  },
  /**
   * The consumer of PaymentDisputed: tickets revoked whatever stage fulfillment reached. A dispute
   * proves the payment succeeded, so it may overtake MarkPaid (PENDING_PAYMENT): the workflow then
   * finds the order settled and issues nothing.
   */
  paymentDisputed: {
    from: ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'],
    to: ['DISPUTED'],
  },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: readonly OrderStatus[] }>;
export type TransitionOwner = keyof typeof TRANSITIONS;

export class IllegalTransition extends Error {
  override name = 'IllegalTransition';
  constructor(
    readonly orderId: string,
    readonly by: TransitionOwner,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`${by} may not move order ${orderId} from ${from} to ${to}`);
  }
}

export const isAllowed = (by: TransitionOwner, from: OrderStatus, to: OrderStatus) =>
  (TRANSITIONS[by].from as readonly OrderStatus[]).includes(from) &&
  (TRANSITIONS[by].to as readonly OrderStatus[]).includes(to);

/** The order in its new status (and with `changes`), or IllegalTransition. */
export const transition = (
  order: Order,
  by: TransitionOwner,
  to: OrderStatus,
  now: Date,
  changes: Partial<Order> = {},
): Order => {
  if (!isAllowed(by, order.status, to)) {
    throw new IllegalTransition(order.orderId, by, order.status, to);
  }
  return { ...order, ...changes, status: to, updatedAt: now.toISOString() };
};
