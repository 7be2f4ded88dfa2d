import type { Attendee, AttendeeEntry } from '@mytabs/contracts';
import type * as z from 'zod';
import type { IssuedTicket } from './ticket.ts';

/** One line of an event's attendee list: who a ticket is for, and whether it got in. */
export interface AttendeeRecord {
  ticketId: string;
  ticketTypeId: string;
  orderId: string;
  eventId: string;
  businessId: string;
  name: string;
  email: string;
  checkedIn: boolean;
  checkedInAt?: string;
  checkedInBy?: string;
}

export type CheckInOutcome =
  | { outcome: 'checked-in'; attendee: AttendeeRecord }
  | { outcome: 'already-checked-in'; attendee: AttendeeRecord }
  | { outcome: 'unknown-ticket' };

export const attendeeOf = (
  ticket: Pick<IssuedTicket, 'ticketId' | 'ticketTypeId' | 'orderId' | 'eventId' | 'businessId'>,
  attendee: Attendee,
): AttendeeRecord => ({
  ticketId: ticket.ticketId,
  ticketTypeId: ticket.ticketTypeId,
  orderId: ticket.orderId,
  eventId: ticket.eventId,
  businessId: ticket.businessId,
  name: attendee.name,
  email: attendee.email,
  checkedIn: false,
});

export const toAttendeeEntry = (record: AttendeeRecord): z.input<typeof AttendeeEntry> => ({
  ticketId: record.ticketId,
  ticketTypeId: record.ticketTypeId,
  orderId: record.orderId,
  name: record.name,
  email: record.email,
  checkedIn: record.checkedIn,
  ...(record.checkedInAt && { checkedInAt: record.checkedInAt }),
});
