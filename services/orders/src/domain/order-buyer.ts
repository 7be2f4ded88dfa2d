import type { OrderBuyer } from '@mytabs/contracts';
import type { Order } from './order.ts';

/**
 * Orders whose tickets admit their holders: paid (tickets issued or on their way), fulfilled, or
 * refunded in part. A full refund or a dispute voids the tickets; the rest were never paid.
 */
export const holdsValidTickets = (order: Order) =>
  order.status === 'PAID' || order.status === 'FULFILLED' || order.status === 'PARTIALLY_REFUNDED';

/** An order as the emails about it need it. */
export const toOrderBuyer = (order: Order): OrderBuyer => ({
  orderId: order.orderId,
  eventId: order.eventId,
  businessId: order.businessId,
  buyer: order.buyer,
  status: order.status,
  tickets: order.lines.reduce((sum, line) => sum + line.quantity, 0),
  amount: order.amount,
  amountRefunded: order.amountRefunded,
  currency: order.currency,
});
