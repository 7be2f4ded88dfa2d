import * as z from 'zod';
import { OrderId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Buyer } from '../people.ts';
import { UtcDateTime } from '../time.ts';
import { OrderStatus } from './orders.ts';

/** Filters of an event's orders; a page may hold fewer than `limit` while `nextCursor` is given. */
export const ListEventOrdersQuery = z
  .object({
    status: OrderStatus.optional(),
    /** The buyer's address, whatever its case. */
    buyerEmail: z.email().optional(),
    /** Orders placed strictly after this instant. */
    createdAfter: UtcDateTime.optional(),
    /** Orders placed strictly before this instant. */
    createdBefore: UtcDateTime.optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    /** The `nextCursor` of the previous page, with the same filters. */
    cursor: z.string().min(1).optional(),
  })
  .refine(
    (q) =>
      !q.createdAfter ||
      !q.createdBefore ||
      Date.parse(q.createdAfter) < Date.parse(q.createdBefore),
    { message: 'must be later than createdAfter', path: ['createdBefore'] },
  );
export type ListEventOrdersQuery = z.infer<typeof ListEventOrdersQuery>;

/** One order in the organizer's list, newest first. */
export const EventOrderSummary = z
  .object({
    orderId: OrderId,
    status: OrderStatus,
    buyer: Buyer,
    amount: MinorUnits,
    currency: Currency,
    /** Tickets the order is for (its lines' quantities). */
    ticketCount: z.number().int().min(1),
    createdAt: UtcDateTime,
  })
  .meta({ id: 'EventOrderSummary' });
export type EventOrderSummary = z.infer<typeof EventOrderSummary>;

export const ListEventOrdersResponse = z
  .object({ items: z.array(EventOrderSummary), nextCursor: z.string().min(1).optional() })
  .meta({ id: 'ListEventOrdersResponse' });
