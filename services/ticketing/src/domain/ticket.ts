import {
  type Attendee,
  type OrderSnapshot,
  type OrderTicket,
  ticketIdFor,
  type VoidReason as VoidReasons,
} from '@mytabs/contracts';
import type * as z from 'zod';

/** A ticket as ticketing stores it: one seat of one order line, for one attendee. */
export interface IssuedTicket {
  ticketId: string;
  orderId: string;
  eventId: string;
  businessId: string;
  ticketTypeId: string;
  /** Index of the order line (0-based) and of the seat within it: the ticket id's two numbers. */
  line: number;
  unit: number;
  attendee: Attendee;
  qr: string;
  /** How many times it was reissued (a new code each time); absent until the first. */
  generation?: number;
  /** The request that gave it its current code, so a retry of that request changes nothing. */
  reissuedBy?: { requestKey: string; userId: string };
}

/** Why an order's tickets stopped admitting anyone (TicketsVoided's reasons). */
export type VoidReason = z.infer<typeof VoidReasons>;

/** The two functions that may be first to see an order both voided and fully issued. */
export type VoidAnnouncer = 'issueTickets' | 'voidTickets';

export type PlannedTicket = Omit<IssuedTicket, 'qr' | 'generation' | 'reissuedBy'>;

/**
 * The tickets an order gets, always the same for the same order: one per seat, ids from the line
 * and seat index, the named attendees in order and the buyer for every seat left unnamed.
 */
export const planTickets = (
  order: Pick<
    OrderSnapshot,
    'orderId' | 'eventId' | 'businessId' | 'lines' | 'attendees' | 'buyer'
  >,
): PlannedTicket[] => {
  const tickets: PlannedTicket[] = [];
  order.lines.forEach((line, lineIndex) => {
    for (let unit = 0; unit < line.quantity; unit++) {
      const seat = tickets.length;
      const named = order.attendees[seat];
      tickets.push({
        ticketId: ticketIdFor(order.orderId, lineIndex, unit),
        orderId: order.orderId,
        eventId: order.eventId,
        businessId: order.businessId,
        ticketTypeId: line.ticketTypeId,
        line: lineIndex,
        unit,
        attendee: named
          ? { name: named.name, email: named.email }
          : { name: order.buyer.name, email: order.buyer.email },
      });
    }
  });
  return tickets;
};

export const byPosition = (a: IssuedTicket, b: IssuedTicket) => a.line - b.line || a.unit - b.unit;

export const toOrderTicket = (ticket: IssuedTicket): z.input<typeof OrderTicket> => ({
  ticketId: ticket.ticketId,
  ticketTypeId: ticket.ticketTypeId,
  attendee: ticket.attendee,
  qr: ticket.qr,
});
