import * as z from 'zod';
import { OrderStatus, OrderTicket } from '../api/orders.ts';
import { PlacedOrder } from './placed-order.ts';

/**
 * An order as the steps of its fulfillment see it: MarkPaid returns it and the workflow hands it
 * to every later step, so no step of another service has to ask orders for it.
 */
export const OrderSnapshot = PlacedOrder.extend({
  status: OrderStatus,
  tickets: z.array(OrderTicket).default([]),
});
export type OrderSnapshot = z.infer<typeof OrderSnapshot>;

/** The tickets of an order as ticketing issued them (ids `tkt_<orderId>_<line>_<n>`). */
export const IssuedTickets = z.array(OrderTicket);
