import * as z from 'zod';
import { BusinessId, EventId, OrderId, TicketId, TicketTypeId, UserId } from '../ids.ts';
import { Attendee } from '../people.ts';
import { defineEvent } from './define-event.ts';

export const TicketReissued = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'TicketReissued',
  version: 1,
  description:
    'A ticket got a new code (its old one leaked): check-in refuses every earlier code from now on.',
  data: z.object({
    ticketId: TicketId,
    ticketTypeId: TicketTypeId,
    orderId: OrderId,
    eventId: EventId,
    businessId: BusinessId,
    attendee: Attendee,
    /** How many times the ticket was reissued: 1 for its first new code. */
    generation: z.number().int().min(1),
    /** The new code the door scans, what the holder's new ticket shows. */
    qr: z.string().min(1),
    reissuedBy: UserId,
  }),
  examples: [
    {
      ticketId: 'tkt_ord_01JD8ZK6X2Q4_0_0',
      ticketTypeId: 'tt_01JD8Y4GA',
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      businessId: 'biz_01JD8W9Q2R3S',
      attendee: { name: 'Ana Diaz', email: 'ana@example.com' },
      generation: 1,
      qr: 'mtt1.eyJ0IjoidGt0X29yZF8wMUpEOFpLNlgyUTRfMF8wIn0.c2lnbmF0dXJl',
      reissuedBy: 'usr_01JD8W9Q2R3S',
    },
  ],
});
