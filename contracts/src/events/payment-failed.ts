import * as z from 'zod';
import { OrderId, PaymentIntentId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { LastPaymentError } from '../payment-error.ts';
import { defineEvent } from './define-event.ts';

export const PaymentFailed = defineEvent({
  source: 'mytabs.payments',
  detailType: 'PaymentFailed',
  version: 1,
  description:
    'A payment attempt on the order was declined. The PaymentIntent stays open (the buyer may ' +
    'retry with another card) and the seats stay held; orders records the error.',
  data: z.object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    amount: MinorUnits,
    currency: Currency,
    lastPaymentError: LastPaymentError,
  }),
  examples: [
    {
      orderId: 'ord_01JD8ZK6X2Q4',
      paymentIntentId: 'pi_3QaBcD2eZvKYlo2C1',
      amount: 5400,
      currency: 'usd',
      lastPaymentError: {
        type: 'card_error',
        code: 'card_declined',
        declineCode: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    },
  ],
});
