import * as z from 'zod';
import { ChargeId, OrderId, PaymentIntentId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const PaymentSucceeded = defineEvent({
  source: 'mytabs.payments',
  detailType: 'PaymentSucceeded',
  version: 1,
  description: "Stripe confirmed the order's PaymentIntent: the buyer has paid.",
  data: z.object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    amount: MinorUnits,
    currency: Currency,
    latestChargeId: ChargeId.optional(),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      amount: 5400,
      currency: 'usd',
      latestChargeId: 'ch_3QaBcD2eZvKYlo2C1',
    },
  ],
});
