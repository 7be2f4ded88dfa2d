import type { Principal } from '@mytabs/contracts';
import type { Order } from './order.ts';

const ownsBusiness = (principal: Principal, order: Order) =>
  principal.principalType === 'user' &&
  principal.memberships.some((m) => m.businessId === order.businessId && m.role === 'owner');

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
 * Who may see an order and cancel it while unpaid: its order token, its buyer, or an owner of its
 * business. Anyone else is told it does not exist.
 */
export const canSeeOrder = (principal: Principal, order: Order) =>
  principal.principalType === 'order'
    ? principal.orderId === order.orderId
    : ownsBusiness(principal, order) || isBuyer(principal, order);

/** Refunds are the organizer's: an owner of the order's business. */
export const canRefundOrder = (principal: Principal, order: Order) =>
  ownsBusiness(principal, order);
