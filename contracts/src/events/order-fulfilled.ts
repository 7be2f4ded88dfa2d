import * as z from 'zod';
import { BusinessId, EventId, OrderId, TicketId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const OrderFulfilled = defineEvent({
  source: 'mytabs.orders',
  detailType: 'OrderFulfilled',
  version: 1,
  description: 'The order is paid, its tickets issued, attendees recorded and confirmation sent.',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    businessId: BusinessId,
    ticketIds: z.array(TicketId).min(1),
    amount: MinorUnits,
    currency: Currency,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      businessId: 'biz_01JD8X0A1B2C',
      ticketIds: ['tkt_ord_01JD8ZK6X2Q4_0_0', 'tkt_ord_01JD8ZK6X2Q4_0_1'],
      amount: 5400,
      currency: 'usd',
    },
  ],
});
