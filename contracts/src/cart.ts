import * as z from 'zod';
import { TicketTypeId } from './ids.ts';

/** A number of seats of one ticket type: what a cart, a hold and an order line count. */
export const CartItem = z.object({
  ticketTypeId: TicketTypeId,
  quantity: z.number().int().min(1).max(100),
});
export type CartItem = z.infer<typeof CartItem>;
