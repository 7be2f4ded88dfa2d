import * as z from 'zod';
import { CartItem } from '../cart.ts';
import { EventId, OrderId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const HoldReleased = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'HoldReleased',
  version: 1,
  description:
    "An order's held seats went back to inventory (its payment was canceled, or it failed).",
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    items: z.array(CartItem).min(1),
    reason: z.enum(['payment_canceled', 'order_failed']),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      items: [{ ticketTypeId: 'tt_01JD8Y4GA', quantity: 2 }],
      reason: 'payment_canceled',
    },
  ],
});
