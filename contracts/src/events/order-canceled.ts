import * as z from 'zod';
import { EventId, OrderId, PaymentIntentId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const OrderCanceled = defineEvent({
  source: 'mytabs.orders',
  detailType: 'OrderCanceled',
  version: 1,
  description: 'An unpaid order was canceled: the buyer abandoned it, or its hold expired.',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    paymentIntentId: PaymentIntentId,
    reason: z.enum(['buyer_canceled', 'hold_expired', 'payment_canceled']),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      reason: 'hold_expired',
    },
  ],
});
