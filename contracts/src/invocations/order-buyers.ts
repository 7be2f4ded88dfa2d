import * as z from 'zod';
import { OrderStatus } from '../api/orders.ts';
import { BusinessId, EventId, OrderId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Buyer } from '../people.ts';
import { defineInvocation } from './define-invocation.ts';

/** An order as an email about it needs it: who to write to, and what they paid and got back. */
export const OrderBuyer = z.object({
  orderId: OrderId,
  eventId: EventId,
  businessId: BusinessId,
  buyer: Buyer,
  status: OrderStatus,
  tickets: z.number().int().min(0),
  amount: MinorUnits,
  amountRefunded: MinorUnits,
  currency: Currency,
});
export type OrderBuyer = z.infer<typeof OrderBuyer>;

/**
 * `orders.listEventBuyers`: one page of an event's orders whose tickets are valid (paid, not
 * refunded in full, not disputed), for the emails every ticket holder gets.
 */
export const ListEventBuyersInvocation = defineInvocation({
  ref: 'orders.listEventBuyers',
  request: z.object({ eventId: EventId, cursor: z.string().min(1).optional() }),
  response: z.object({
    items: z.array(OrderBuyer),
    nextCursor: z.string().min(1).optional(),
  }),
});

/** `orders.getOrderBuyer`: one order as its emails need it; `order` absent when there is none. */
export const GetOrderBuyerInvocation = defineInvocation({
  ref: 'orders.getOrderBuyer',
  request: z.object({ orderId: OrderId }),
  response: z.object({ order: OrderBuyer.optional() }),
});
