import * as z from 'zod';
import { EventId, OrderId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Buyer } from '../people.ts';
import { defineEvent } from './define-event.ts';

export const OrderFailed = defineEvent({
  source: 'mytabs.orders',
  detailType: 'OrderFailed',
  version: 1,
  description:
    'A paid order could not be fulfilled (e.g. its hold was gone and the event sold out): the ' +
    'payment was refunded and the buyer gets an apology.',
  data: z.object({
    orderId: OrderId,
    eventId: EventId,
    buyer: Buyer,
    /** The workflow error that ended fulfilment (its `errorType`), e.g. `SoldOut`. */
    error: z.string().min(1),
    cause: z.string().optional(),
    amountRefunded: MinorUnits,
    currency: Currency,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      eventId: 'ev_01JD8Y3M7T2P',
      buyer: { email: 'ana@example.com', name: 'Ana Diaz' },
      error: 'SoldOut',
      cause: 'hold expired and 0 seats of tt_01JD8Y4GA left',
      amountRefunded: 5400,
      currency: 'usd',
    },
  ],
});
