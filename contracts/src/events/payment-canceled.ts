import * as z from 'zod';
import { OrderId, PaymentIntentId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const PaymentCanceled = defineEvent({
  source: 'mytabs.payments',
  detailType: 'PaymentCanceled',
  version: 1,
  description:
    "The order's PaymentIntent was canceled (buyer canceled, or its hold expired): ticketing " +
    'releases the seats held for orderId, orders marks the order CANCELED.',
  data: z.object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    /** Stripe's `cancellation_reason`: `requested_by_customer` (buyer) or `abandoned` (hold expired). */
    cancellationReason: z.string().min(1).optional(),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      cancellationReason: 'abandoned',
    },
  ],
});
