import type { CartItem, PricedCart, PricedLine, TicketType } from '@mytabs/contracts';
import { type Outcome, refuse } from './refusal.ts';
import { type SaleWindow, saleState } from './sale-window.ts';

export interface PriceableEvent extends SaleWindow {
  eventId: string;
  businessId: string;
  taxLocationId: string;
  serviceFeePerTicket: number;
}

/**
 * Prices a cart from the catalog's own numbers (never the client's), refusing what cannot be
 * sold: an event off sale, a ticket type of another event, more seats than one order may take.
 * Availability is not its business: only the hold's conditional write can decide that.
 */
export const priceCart = (
  event: PriceableEvent,
  ticketTypes: readonly TicketType[],
  items: readonly CartItem[],
  now: Date,
): Outcome<{ cart: PricedCart }> => {
  const state = saleState(event, now);
  if (state === 'canceled') return refuse('event-canceled', 'This event was canceled.');
  if (state !== 'on-sale') return refuse('not-on-sale', `Tickets are not on sale (${state}).`);

  const seen = new Set<string>();
  const lines: PricedLine[] = [];
  for (const item of items) {
    const type = ticketTypes.find((t) => t.ticketTypeId === item.ticketTypeId);
    if (!type) {
      return refuse(
        'unknown-ticket-type',
        'No such ticket type for this event.',
        item.ticketTypeId,
      );
    }
    if (seen.has(type.ticketTypeId)) {
      return refuse(
        'duplicate-ticket-type',
        'Each ticket type may appear once.',
        type.ticketTypeId,
      );
    }
    seen.add(type.ticketTypeId);
    if (item.quantity > type.perOrderLimit) {
      return refuse(
        'over-per-order-limit',
        `At most ${type.perOrderLimit} ${type.name} tickets per order.`,
        type.ticketTypeId,
      );
    }
    lines.push({
      ticketTypeId: type.ticketTypeId,
      name: type.name,
      quantity: item.quantity,
      unitAmount: type.price,
      amount: (type.price * item.quantity) as PricedLine['amount'],
      taxBehavior: type.taxBehavior,
      taxCode: type.taxCode,
    });
  }
  const currencies = new Set(
    ticketTypes.filter((t) => seen.has(t.ticketTypeId)).map((t) => t.currency),
  );
  if (currencies.size !== 1)
    return refuse('mixed-currencies', 'One order is paid in one currency.');
  return {
    ok: true,
    cart: {
      eventId: event.eventId as PricedCart['eventId'],
      businessId: event.businessId as PricedCart['businessId'],
      currency: [...currencies][0] as string,
      taxLocationId: event.taxLocationId as PricedCart['taxLocationId'],
      serviceFeePerTicket: event.serviceFeePerTicket as PricedCart['serviceFeePerTicket'],
      lines,
    },
  };
};

/** A quote's early warning that seats ran out; the hold re-checks atomically. */
export const checkAvailability = (
  ticketTypes: readonly TicketType[],
  items: readonly CartItem[],
): Outcome<Record<never, never>> => {
  for (const item of items) {
    const type = ticketTypes.find((t) => t.ticketTypeId === item.ticketTypeId);
    if (type && item.quantity > type.available) {
      return refuse(
        'sold-out',
        `Only ${type.available} ${type.name} tickets left.`,
        type.ticketTypeId,
      );
    }
  }
  return { ok: true };
};
