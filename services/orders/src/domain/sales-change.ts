import { type CartItem, ticketIdFor } from '@mytabs/contracts';
import { allocate } from './allocate.ts';
import type { Order } from './order.ts';

export interface SalesCounts {
  sold: number;
  held: number;
  checkedIn: number;
  gross: number;
  fees: number;
  tax: number;
  refunded: number;
}

export interface PublishedTicketType {
  ticketTypeId: string;
  name: string;
  capacity: number;
}

/**
 * What one fact does to an event's figures: amounts to add per ticket type, or the ticket types
 * it was published with. Facts are stored as they are and summed when read, so each is kept once
 * (by its idempotency key) and their order of arrival does not matter.
 */
export interface SalesChange {
  counts?: Record<string, Partial<SalesCounts>>;
  published?: PublishedTicketType[];
}

const perType = <T>(entries: T[], of: (entry: T) => [string, Partial<SalesCounts>]) => {
  const counts: Record<string, Partial<SalesCounts>> = {};
  for (const entry of entries) {
    const [ticketTypeId, change] = of(entry);
    const into = counts[ticketTypeId] ?? {};
    for (const [key, value] of Object.entries(change) as [keyof SalesCounts, number][]) {
      into[key] = (into[key] ?? 0) + value;
    }
    counts[ticketTypeId] = into;
  }
  return { counts };
};

export const seatsHeld = (items: CartItem[]): SalesChange =>
  perType(items, (i) => [i.ticketTypeId, { held: i.quantity }]);

export const holdReleased = (items: CartItem[]): SalesChange =>
  perType(items, (i) => [i.ticketTypeId, { held: -i.quantity }]);

/**
 * Held seats become tickets. Counted here rather than on OrderFulfilled: a dispute can overtake
 * fulfillment after the tickets were issued, and the order is then never fulfilled.
 */
export const ticketsIssued = (tickets: { ticketTypeId: string }[]): SalesChange =>
  perType(tickets, (t) => [t.ticketTypeId, { sold: 1, held: -1 }]);

/**
 * The money of a fulfilled order, split over its lines: the subtotal and tax by price, fees by
 * tickets. Gross is the subtotal, not the lines' prices: a tax-inclusive price holds tax that the
 * quote moved into `tax`, and counting it in both would add it twice.
 */
export const orderFulfilled = (order: Order): SalesChange => {
  const gross = allocate(
    order.subtotal,
    order.lines.map((l) => l.amount),
  );
  const fees = allocate(
    order.fees,
    order.lines.map((l) => l.quantity),
  );
  const tax = allocate(
    order.tax,
    order.lines.map((l) => l.amount),
  );
  return perType(order.lines, (line) => {
    const i = order.lines.indexOf(line);
    return [line.ticketTypeId, { gross: gross[i] ?? 0, fees: fees[i] ?? 0, tax: tax[i] ?? 0 }];
  });
};

/** One refund of the order, split over its lines by what each cost. */
export const orderRefunded = (order: Order, amount: number): SalesChange => {
  const parts = allocate(
    amount,
    order.lines.map((l) => l.amount),
  );
  return perType(order.lines, (line) => [
    line.ticketTypeId,
    { refunded: parts[order.lines.indexOf(line)] ?? 0 },
  ]);
};

/**
 * Voided tickets (a full refund, a dispute) are no longer sold. A ticket's id names its line
 * (`ticketIdFor`), so the order's lines say each voided ticket's type: a dispute that overtakes
 * fulfillment voids tickets the order itself never records.
 */
export const ticketsVoided = (order: Order, ticketIds: string[]): SalesChange =>
  perType(
    order.lines
      .flatMap((line, index) =>
        Array.from({ length: line.quantity }, (_, unit) => ({
          ticketTypeId: line.ticketTypeId,
          ticketId: ticketIdFor(order.orderId, index, unit),
        })),
      )
      .filter((t) => ticketIds.includes(t.ticketId)),
    (t) => [t.ticketTypeId, { sold: -1 }],
  );

export const checkedIn = (ticketTypeId: string): SalesChange =>
  perType([ticketTypeId], (id) => [id, { checkedIn: 1 }]);

export const eventPublished = (ticketTypes: PublishedTicketType[]): SalesChange => ({
  published: ticketTypes,
});
