import * as z from 'zod';
import { ChargeId, DisputeId, OrderId, PaymentIntentId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const PaymentDisputed = defineEvent({
  source: 'mytabs.payments',
  detailType: 'PaymentDisputed',
  version: 1,
  description: "The buyer's bank opened a dispute on the order's charge: its tickets are revoked.",
  data: z.object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    chargeId: ChargeId,
    disputeId: DisputeId,
    amount: MinorUnits,
    currency: Currency,
    /** Stripe's dispute `reason`, e.g. `fraudulent`, `product_not_received`. */
    reason: z.string().min(1),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      chargeId: 'ch_3QaBcD2eZvKYlo2C1',
      disputeId: 'dp_1QaBcD2eZvKYlo2C',
      amount: 5400,
      currency: 'usd',
      reason: 'fraudulent',
    },
  ],
});
