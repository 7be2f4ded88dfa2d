import * as z from 'zod';
import { OrderId } from '../ids.ts';
import { defineInvocation } from './define-invocation.ts';

/**
 * `payments.cancelPayment`, for orders' cancel route: cancels the order's PaymentIntent at Stripe.
 * The seats come back when Stripe's `payment_intent.canceled` becomes PaymentCanceled; a payment
 * that already succeeded is left alone (`already-succeeded`) and fulfillment goes on.
 */
export const CancelPaymentInvocation = defineInvocation({
  ref: 'payments.cancelPayment',
  request: z.object({
    orderId: OrderId,
    reason: z.enum(['requested_by_customer', 'abandoned']),
  }),
  response: z.object({
    outcome: z.enum(['canceled', 'already-canceled', 'already-succeeded', 'not-found']),
  }),
});
