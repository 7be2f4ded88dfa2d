import { type BusinessAccess, businessAccess, type Principal } from '@mytabs/contracts';
import type { Order } from './order.ts';

/**
 * The buyer by proof: the user who placed the order while signed in, or a user whose address the
 * user pool has verified is the buyer's. An unverified `email` claim proves nothing: anyone can
 * set theirs to someone else's.
 */
const isBuyer = (principal: Principal, order: Order) =>
  principal.principalType === 'user' &&
  ((order.buyerUserId !== undefined && principal.userId === order.buyerUserId) ||
    (principal.emailVerified &&
      principal.email !== undefined &&
      principal.email.toLowerCase() === order.buyer.email.toLowerCase()));

/**
 * Who may see an order and cancel it while unpaid: its order token, its buyer, or a member of its
 * business whose role may see orders (owners, managers). Other members are refused (403); anyone
 * else is told it does not exist.
 */
export const orderAccess = (principal: Principal, order: Order): BusinessAccess => {
  if (principal.principalType === 'order') {
    return principal.orderId === order.orderId ? 'allowed' : 'not-member';
  }
  return isBuyer(principal, order)
    ? 'allowed'
    : businessAccess(principal, order.businessId, 'orders');
};

/** Refunds are the organizer's: a member of the order's business whose role may refund. */
export const refundAccess = (principal: Principal, order: Order): BusinessAccess =>
  businessAccess(principal, order.businessId, 'refunds');
