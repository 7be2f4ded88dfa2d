import * as z from 'zod';
import { CartItem } from '../cart.ts';
import { EventId, OrderId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const SeatsHeld = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'SeatsHeld',
  version: 1,
  description: "Seats were taken from inventory for an order until `expiresAt` (the order's hold).",
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    items: z.array(CartItem).min(1),
    expiresAt: UtcDateTime,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      items: [{ ticketTypeId: 'tt_01JD8Y4GA', quantity: 2 }],
      expiresAt: '2026-11-25T18:15:00Z',
    },
  ],
});
