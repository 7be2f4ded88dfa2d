import * as z from 'zod';
import { EventId, OrderId, TicketId } from '../ids.ts';
import { Attendee } from '../people.ts';
import { defineEvent } from './define-event.ts';

export const AttendeesRecorded = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'AttendeesRecorded',
  version: 1,
  description:
    "An order's attendees are on the event's attendee list, one per ticket (the buyer when the " +
    'order named no attendee for a seat).',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    attendees: z.array(Attendee.extend({ ticketId: TicketId })).min(1),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      attendees: [
        { ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_0', name: 'Ana Diaz', email: 'ana@example.com' },
        { ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_1', name: 'Ana Diaz', email: 'ana@example.com' },
      ],
    },
  ],
});
