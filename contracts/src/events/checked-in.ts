import * as z from 'zod';
import { EventId, OrderId, TicketId, TicketTypeId, UserId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const CheckedIn = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'CheckedIn',
  version: 1,
  description: 'A ticket was scanned at the door for the first time (a second scan is refused).',
  data: z.object({
    ticketId: TicketId,
    ticketTypeId: TicketTypeId,
    eventId: EventId,
    orderId: OrderId,
    /** The organizer or staff member who scanned it. */
    checkedInBy: UserId,
  }),
  examples: [
    {
      ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_0',
      ticketTypeId: 'tt_01JD8Y4GA',
      eventId: 'ev_01JD8Y3M7T2P',
      orderId: 'ord_01JD8ZK6X2Q4',
      checkedInBy: 'usr_01JD8W9Q2R3S',
    },
  ],
});
