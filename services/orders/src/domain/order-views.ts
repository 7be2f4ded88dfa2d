import type {
  EventOrderSummary,
  OrderDetails,
  OrderSnapshot,
  Order as OrderView,
} from '@mytabs/contracts';
import type { Order } from './order.ts';
import type { HistoryEntry } from './order-history.ts';

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

/** The whole order for its organizers: its record, and its history as other services told it. */
export const toOrderDetails = (order: Order, history: HistoryEntry[]): OrderDetails => {
  const checkIns = new Map(
    history.flatMap((h) => (h.kind === 'check-in' ? [[h.ticketId, h.at] as const] : [])),
  );
  return {
    buyer: order.buyer,
    createdAt: order.createdAt,
    subtotal: order.subtotal,
    fees: order.fees,
    tax: order.tax,
    payment: {
      paymentIntentId: order.paymentIntentId,
      ...(order.paidAt && { paidAt: order.paidAt }),
    },
    amountRefunded: order.amountRefunded,
    refunds: history.flatMap((h) =>
      h.kind === 'refund' ? [{ refundId: h.refundId, amount: h.amount, at: h.at }] : [],
    ),
    ...(order.dispute && { dispute: order.dispute }),
    tickets: order.tickets.map((t) => ({
      ticketId: t.ticketId,
      ticketTypeId: t.ticketTypeId,
      attendee: t.attendee,
      valid: TICKETS_VALID.has(order.status),
      ...(checkIns.has(t.ticketId) && { checkedInAt: checkIns.get(t.ticketId) }),
    })),
    emails: history.flatMap((h) =>
      h.kind === 'email'
        ? [{ template: h.template, to: h.to, messageId: h.messageId, at: h.at }]
        : [],
    ),
  };
};

/** One line of `GET /events/{eventId}/orders`: what an organizer scans for. */
export const toEventOrderSummary = (order: Order): EventOrderSummary => ({
  orderId: order.orderId,
  status: order.status,
  buyer: order.buyer,
  amount: order.amount,
  currency: order.currency,
  ticketCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  createdAt: order.createdAt,
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
