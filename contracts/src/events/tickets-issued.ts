import * as z from 'zod';
import { EventId, OrderId, TicketId, TicketTypeId } from '../ids.ts';
import { Attendee } from '../people.ts';
import { defineEvent } from './define-event.ts';

export const TicketsIssued = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'TicketsIssued',
  version: 1,
  description: "A paid order's tickets exist (one per seat, ids deterministic from the order).",
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    tickets: z
      .array(
        z.object({
          ticketId: TicketId,
          ticketTypeId: TicketTypeId,
          attendee: Attendee.optional(),
        }),
      )
      .min(1),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      tickets: [
        {
          ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_0',
          ticketTypeId: 'tt_01JD8Y4GA',
          attendee: { name: 'Ana Diaz', email: 'ana@example.com' },
        },
        { ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_1', ticketTypeId: 'tt_01JD8Y4GA' },
      ],
    },
  ],
});
