import type { OrderSnapshot, Order as OrderView } from '@mytabs/contracts';
import type { Order } from './order.ts';

/** Tickets are shown while they are valid: voided by a full refund, revoked by a dispute. */
const TICKETS_VALID = new Set(['FULFILLED', 'PARTIALLY_REFUNDED']);

/** `GET /orders/{orderId}`: what the buyer (or the organizer) sees. */
export const toOrderView = (order: Order): OrderView => ({
  orderId: order.orderId,
  status: order.status,
  eventId: order.eventId,
  lines: order.lines,
  amount: order.amount,
  currency: order.currency,
  ...(order.status === 'PENDING_PAYMENT' &&
    order.lastPaymentError && { lastPaymentError: order.lastPaymentError }),
  tickets: TICKETS_VALID.has(order.status) ? order.tickets : [],
});

/** What the fulfillment workflow hands to every later step. */
export const toSnapshot = (order: Order): OrderSnapshot => ({
  orderId: order.orderId,
  status: order.status,
  eventId: order.eventId,
  businessId: order.businessId,
  buyer: order.buyer,
  attendees: order.attendees,
  lines: order.lines,
  subtotal: order.subtotal,
  fees: order.fees,
  tax: order.tax,
  amount: order.amount,
  currency: order.currency,
  paymentIntentId: order.paymentIntentId,
  tickets: order.tickets,
});
