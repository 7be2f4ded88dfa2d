import { createHash } from 'node:crypto';
import type { MinorUnits } from '@mytabs/contracts';
import type { Order } from './order.ts';

export type RefundCheck =
  | { ok: true; amount: MinorUnits }
  | { ok: false; reason: 'not-refundable' | 'nothing-left' | 'too-much'; left: number };

/**
 * An organizer's refund: only of a fulfilled order (an unpaid one is canceled instead; a failed
 * one was refunded by the workflow), and never more than is left to refund.
 */
export const checkRefund = (order: Order, requested: MinorUnits | undefined): RefundCheck => {
  const left = order.amount - order.amountRefunded;
  if (order.status !== 'FULFILLED' && order.status !== 'PARTIALLY_REFUNDED') {
    return { ok: false, reason: 'not-refundable', left };
  }
  if (left <= 0) return { ok: false, reason: 'nothing-left', left };
  if (requested !== undefined && requested > left) return { ok: false, reason: 'too-much', left };
  return { ok: true, amount: (requested ?? left) as MinorUnits };
};

/**
 * The caller's key for this order's refund, as a Stripe idempotency key of bounded length (a
 * client's key may be 255 characters): the same caller and key always name the same refund.
 */
export const refundRequestId = (orderId: string, userId: string, key: string) =>
  `refund:${orderId}:${createHash('sha256').update(`${userId}\n${key}`).digest('base64url')}`;
