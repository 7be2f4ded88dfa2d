import { type OrderId, ticketIdFor } from '@mytabs/contracts';
import type { Item, LedgerBreak } from './ledger.ts';

/** Statuses whose order must have all its tickets: it was fulfilled. */
const FULFILLED = new Set(['FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED']);
/** Statuses caught between payment and fulfillment's end: all the tickets, or none yet. */
const ALL_OR_NONE = new Set(['PAID', 'DISPUTED']);
/** Statuses whose tickets, if any, admit no one. */
const VOIDED = new Set(['REFUNDED', 'DISPUTED']);
/** Statuses that hold no seats: the order was never paid, or was refunded before fulfillment. */
const SEATLESS = new Set(['PENDING_PAYMENT', 'CANCELED', 'FAILED']);

const byOrder = (items: readonly Item[]) => {
  const grouped = new Map<string, Item[]>();
  for (const item of items) {
    const orderId = item.orderId as string;
    grouped.set(orderId, [...(grouped.get(orderId) ?? []), item]);
  }
  return grouped;
};

/** One ticket per seat of each line, ids from the line and seat index (as ticketing plans them). */
const plannedTickets = (order: Item) =>
  (order.lines as { ticketTypeId: string; quantity: number }[]).flatMap((line, index) =>
    Array.from({ length: line.quantity }, (_, unit) => ({
      ticketId: ticketIdFor(order.orderId as OrderId, index, unit) as string,
      ticketTypeId: line.ticketTypeId,
    })),
  );

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Tickets, per order of orders' table against ticketing's tickets (`TICKETS#<orderId>`):
 * - FULFILLED, REFUNDED and PARTIALLY_REFUNDED orders have exactly their planned tickets (one per
 *   seat of each line, id `tkt_<orderId>_<line>_<seat>`, of that line's ticket type) in ticketing
 *   and the same ids, each once, on the order; PAID and DISPUTED ones have those or none;
 * - PENDING_PAYMENT and CANCELED orders have none; FAILED ones have none that is valid;
 * - REFUNDED and DISPUTED orders with tickets carry ticketing's void mark, the others do not;
 * - an order with tickets has a `confirmed` hold; a PENDING_PAYMENT, CANCELED or FAILED order's
 *   hold is not `confirmed`, and only a PENDING_PAYMENT one may be `active`;
 * - no ticket belongs to an order orders does not know.
 */
export const orderTicketsLedger = (
  orders: readonly Item[],
  ticketing: readonly Item[],
): LedgerBreak[] => {
  const breaks: LedgerBreak[] = [];
  const broken = (orderId: string, detail: string) =>
    breaks.push({ invariant: 'tickets', subject: `order ${orderId}`, detail });
  const tickets = byOrder(ticketing.filter((item) => item.type === 'ticket'));
  const voided = new Set(ticketing.filter((i) => i.type === 'void').map((i) => i.orderId));
  const holds = new Map(
    ticketing.filter((i) => i.type === 'hold').map((hold) => [hold.orderId as string, hold]),
  );
  const known = new Set<string>();
  for (const order of orders.filter((item) => item.type === 'order')) {
    const orderId = order.orderId as string;
    const status = order.status as string;
    known.add(orderId);
    const planned = plannedTickets(order);
    const issued = tickets.get(orderId) ?? [];
    const onOrder = ((order.tickets ?? []) as { ticketId: string }[]).map((t) => t.ticketId);
    const plannedIds = planned.map((t) => t.ticketId);
    const issuedIds = issued.map((t) => t.ticketId as string);
    const complete = sameIds(issuedIds, plannedIds);
    if (FULFILLED.has(status) || (ALL_OR_NONE.has(status) && issued.length > 0)) {
      if (!complete) {
        broken(
          orderId,
          `${status} with tickets [${issuedIds.join(', ')}] in ticketing, expected [${plannedIds.join(', ')}]`,
        );
      }
      for (const ticket of issued) {
        const plan = planned.find((t) => t.ticketId === ticket.ticketId);
        if (plan && plan.ticketTypeId !== ticket.ticketTypeId) {
          broken(
            orderId,
            `ticket ${ticket.ticketId} is of ${ticket.ticketTypeId}, its line of ${plan.ticketTypeId}`,
          );
        }
      }
    }
    if (FULFILLED.has(status) || (ALL_OR_NONE.has(status) && onOrder.length > 0)) {
      if (!sameIds(onOrder, plannedIds) || new Set(onOrder).size !== onOrder.length) {
        broken(
          orderId,
          `${status} lists tickets [${onOrder.join(', ')}], expected [${plannedIds.join(', ')}]`,
        );
      }
    }
    if (
      SEATLESS.has(status) &&
      issued.length > 0 &&
      !(status === 'FAILED' && voided.has(orderId))
    ) {
      broken(orderId, `${status} but ${issued.length} valid tickets in ticketing`);
    }
    if (issued.length > 0 && VOIDED.has(status) !== voided.has(orderId)) {
      broken(orderId, `${status} with tickets ${voided.has(orderId) ? 'voided' : 'not voided'}`);
    }
    const holdState = holds.get(orderId)?.state as string | undefined;
    if (issued.length > 0 && holdState !== 'confirmed') {
      broken(orderId, `has tickets but its hold is ${holdState ?? 'missing'}`);
    }
    if (
      SEATLESS.has(status) &&
      (holdState === 'confirmed' || (holdState === 'active' && status !== 'PENDING_PAYMENT'))
    ) {
      broken(orderId, `${status} but its hold is ${holdState}: it still keeps seats`);
    }
  }
  for (const [orderId, issued] of tickets) {
    if (!known.has(orderId))
      broken(orderId, `${issued.length} tickets of an order orders does not know`);
  }
  return breaks;
};
