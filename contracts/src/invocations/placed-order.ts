import * as z from 'zod';
import { OrderLine } from '../api/orders.ts';
import { BusinessId, EventId, OrderId, PaymentIntentId, UserId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Attendee, Buyer } from '../people.ts';

/**
 * What an order is from the moment the checkout places it: who buys what, for how much, paid by
 * which PaymentIntent. The checkout sends it (CreateOrder), orders keeps it, and every workflow
 * step receives it (OrderSnapshot).
 */
export const PlacedOrder = z.object({
  orderId: OrderId,
  eventId: EventId,
  businessId: BusinessId,
  buyer: Buyer,
  /** The signed-in user who placed it, if the checkout carried their token: they may see it. */
  buyerUserId: UserId.optional(),
  /** One per seat when the buyer named them, in line order; seats without one are the buyer's. */
  attendees: z.array(Attendee).default([]),
  lines: z.array(OrderLine).min(1),
  subtotal: MinorUnits,
  fees: MinorUnits,
  tax: MinorUnits,
  /** What the buyer pays: subtotal + fees + tax, the PaymentIntent's amount. */
  amount: MinorUnits,
  currency: Currency,
  paymentIntentId: PaymentIntentId,
});
