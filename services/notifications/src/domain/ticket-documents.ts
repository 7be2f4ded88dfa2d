import { calendarEntry, ticketTypeName } from './confirmation-files.ts';
import type { OrderTickets } from './order-tickets.ts';
import type { WalletTicket } from './wallet-pass.ts';

/**
 * What the download routes render from the tickets kept for the order, with their current codes:
 * the wallet passes and a calendar entry per ticket (the PDF is the confirmation's,
 * `ticketsPdfSpec`).
 */
export const walletTickets = ({
  order,
  tickets,
  event,
}: Pick<OrderTickets, 'order' | 'tickets' | 'event'>): WalletTicket[] =>
  tickets.map((ticket) => ({
    ticket,
    ticketType: ticketTypeName(order, ticket.ticketTypeId),
    event,
  }));

/** One ticket's calendar entry (its own UID, so two tickets are two entries if both are added). */
export const ticketCalendarSpec = ({ ticket, ticketType, event }: WalletTicket) =>
  calendarEntry(event, {
    fileName: `${ticket.ticketId}.ics`,
    uid: `${ticket.ticketId}@keeptabs.app`,
    description: `${ticketType} for ${ticket.attendee.name}, ticket ${ticket.ticketId}.`,
  });
