import * as z from 'zod';
import { BusinessId, EventId, OrderId, TicketTypeId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Buyer } from '../people.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const OrderPlaced = defineEvent({
  source: 'mytabs.orders',
  detailType: 'OrderPlaced',
  version: 1,
  description:
    'An order was created in PENDING_PAYMENT for seats just held; its PaymentIntent is created ' +
    'next, with the orderId as idempotency key.',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    businessId: BusinessId,
    buyer: Buyer,
    lines: z
      .array(
        z.object({
          ticketTypeId: TicketTypeId,
          quantity: z.number().int().min(1),
          unitPrice: MinorUnits,
          amount: MinorUnits,
        }),
      )
      .min(1),
    subtotal: MinorUnits,
    fees: MinorUnits,
    tax: MinorUnits,
    amount: MinorUnits,
    currency: Currency,
    holdExpiresAt: UtcDateTime,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      businessId: 'biz_01JD8X0A1B2C',
      buyer: { email: 'ana@example.com', name: 'Ana Diaz' },
      lines: [{ ticketTypeId: 'tt_01JD8Y4GA', quantity: 2, unitPrice: 2500, amount: 5000 }],
      subtotal: 5000,
      fees: 200,
      tax: 200,
      amount: 5400,
      currency: 'usd',
      holdExpiresAt: '2026-11-25T18:15:00Z',
    },
  ],
});
