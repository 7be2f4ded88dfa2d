import * as z from 'zod';
import { EventId, OrderId, TicketId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

/** Why an order's tickets no longer admit anyone. */
export const VoidReason = z.enum(['refunded', 'disputed']);

export const TicketsVoided = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'TicketsVoided',
  version: 1,
  description:
    "An order's tickets no longer admit anyone (refunded or disputed): check-in refuses them.",
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    ticketIds: z.array(TicketId).min(1),
    reason: VoidReason,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      ticketIds: ['tkt_ord_01JD8ZK6X2Q4_0_0', 'tkt_ord_01JD8ZK6X2Q4_0_1'],
      reason: 'disputed',
    },
  ],
});
