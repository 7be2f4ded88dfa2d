import * as z from 'zod';
import { OrderId, PaymentIntentId, RefundId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const PaymentRefunded = defineEvent({
  source: 'mytabs.payments',
  detailType: 'PaymentRefunded',
  version: 1,
  description:
    "Stripe refunded (part of) the order's payment. `amount` is this refund; `amountRefunded` " +
    'the total refunded so far, so a consumer tells a full refund from a partial one.',
  data: z.object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    refundId: RefundId,
    amount: MinorUnits,
    amountRefunded: MinorUnits,
    amountPaid: MinorUnits,
    currency: Currency,
    /** Stripe's refund `reason`, e.g. `requested_by_customer`. */
    reason: z.string().min(1).optional(),
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      refundId: 're_3QaBcD2eZvKYlo2C0',
      amount: 2700,
      amountRefunded: 2700,
      amountPaid: 5400,
      currency: 'usd',
      reason: 'requested_by_customer',
    },
  ],
});
