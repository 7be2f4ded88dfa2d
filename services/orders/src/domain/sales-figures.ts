import type { EventSales, SalesFigures } from '@mytabs/contracts';
import type { PublishedTicketType, SalesChange, SalesCounts } from './sales-change.ts';

const ZERO: SalesCounts = {
  sold: 0,
  held: 0,
  checkedIn: 0,
  gross: 0,
  fees: 0,
  tax: 0,
  refunded: 0,
};

const figures = (c: SalesCounts, capacity: number | undefined): SalesFigures => ({
  sold: c.sold,
  held: c.held,
  ...(capacity !== undefined && { available: Math.max(0, capacity - c.sold - c.held) }),
  checkedIn: c.checkedIn,
  gross: c.gross,
  fees: c.fees,
  tax: c.tax,
  refunded: c.refunded,
  net: c.gross + c.fees + c.tax - c.refunded,
});

const add = (a: SalesCounts, b: Partial<SalesCounts>): SalesCounts => ({
  sold: a.sold + (b.sold ?? 0),
  held: a.held + (b.held ?? 0),
  checkedIn: a.checkedIn + (b.checkedIn ?? 0),
  gross: a.gross + (b.gross ?? 0),
  fees: a.fees + (b.fees ?? 0),
  tax: a.tax + (b.tax ?? 0),
  refunded: a.refunded + (b.refunded ?? 0),
});

/** The event's figures: every fact kept for it, summed per ticket type and in total. */
export const salesFigures = (
  event: { eventId: string; currency: string },
  changes: SalesChange[],
): EventSales => {
  const published = new Map<string, PublishedTicketType>();
  const counts = new Map<string, SalesCounts>();
  for (const change of changes) {
    for (const type of change.published ?? []) published.set(type.ticketTypeId, type);
    for (const [ticketTypeId, delta] of Object.entries(change.counts ?? {})) {
      counts.set(ticketTypeId, add(counts.get(ticketTypeId) ?? ZERO, delta));
    }
  }
  const ids = [...new Set([...published.keys(), ...counts.keys()])];
  const ticketTypes = ids.map((ticketTypeId) => {
    const type = published.get(ticketTypeId);
    return {
      ticketTypeId,
      ...(type && { name: type.name, capacity: type.capacity }),
      ...figures(counts.get(ticketTypeId) ?? ZERO, type?.capacity),
    };
  });
  const total = [...counts.values()].reduce(add, ZERO);
  const capacities = ids.map((id) => published.get(id)?.capacity);
  const everyCapacity = capacities.every((c) => c !== undefined);
  return {
    eventId: event.eventId,
    currency: event.currency,
    ticketTypes,
    total: figures(
      total,
      everyCapacity ? capacities.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined,
    ),
  };
};
