import type { OrganizerEvent, TicketType } from '@mytabs/contracts';
import type { EventRecord } from './event-record.ts';

/** The organizer's view: everything but the fee kept for quotes. */
export const toOrganizerEvent = (event: EventRecord, ticketTypes: TicketType[]): OrganizerEvent => {
  const { serviceFeePerTicket, ...rest } = event;
  return { ...rest, ticketTypes };
};
