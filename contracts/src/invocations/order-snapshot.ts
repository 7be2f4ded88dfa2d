import { z } from 'zod';
import { OrderLine, OrderStatus, OrderTicket } from '../api/orders.ts';
import { BusinessId, EventId, OrderId, PaymentIntentId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Attendee, Buyer } from '../people.ts';

/**
 * An order as the steps of its fulfillment see it: MarkPaid returns it and the workflow hands it
 * to every later step, so no step of another service has to ask orders for it.
 */
export const OrderSnapshot = z.object({
  orderId: OrderId,
  status: OrderStatus,
  eventId: EventId,
  businessId: BusinessId,
  buyer: Buyer,
  /** One per seat when the buyer named them, in line order; seats without one are the buyer's. */
  attendees: z.array(Attendee).default([]),
  lines: z.array(OrderLine).min(1),
  subtotal: MinorUnits,
  fees: MinorUnits,
  tax: MinorUnits,
  /** What the buyer paid: subtotal + fees + tax, the PaymentIntent's amount. */
  amount: MinorUnits,
  currency: Currency,
  paymentIntentId: PaymentIntentId,
  tickets: z.array(OrderTicket).default([]),
});
export type OrderSnapshot = z.infer<typeof OrderSnapshot>;

/** The tickets of an order as ticketing issued them (ids `tkt_<orderId>_<line>_<n>`). */
export const IssuedTickets = z.array(OrderTicket);
