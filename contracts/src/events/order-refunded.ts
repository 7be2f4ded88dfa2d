import * as z from 'zod';
import { EventId, OrderId, RefundId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const OrderRefunded = defineEvent({
  source: 'mytabs.orders',
  detailType: 'OrderRefunded',
  version: 1,
  description:
    'A fulfilled order was refunded in full (REFUNDED: its tickets are voided) or in part ' +
    '(PARTIALLY_REFUNDED: tickets stay valid).',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    refundId: RefundId,
    amount: MinorUnits,
    amountRefunded: MinorUnits,
    currency: Currency,
    status: z.enum(['REFUNDED', 'PARTIALLY_REFUNDED']),
    /** Set when an event cancellation made the refund; its cancellation email announces it. */
    cause: z.enum(['event-canceled']).optional(),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      refundId: 're_3QaBcD2eZvKYlo2C0',
      amount: 5400,
      amountRefunded: 5400,
      currency: 'usd',
      status: 'REFUNDED',
    },
  ],
});
