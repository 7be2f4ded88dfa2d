import { CreateOrderInvocation, HoldSeatsInvocation, PriceCartInvocation } from '@mytabs/contracts';
import { invoke } from '@mytabs/lambda-kit';
import type { CheckoutPorts } from '../domain/checkout-ports.ts';
import { payments } from './payment-records.ts';
import {
  cancelPaymentIntent,
  createPaymentIntent,
  retrievePaymentIntent,
} from './stripe-payments.ts';
import { calculateTax } from './stripe-tax.ts';
import { taxCalculations } from './tax-calculation-records.ts';

/** The checkout's ports: ticketing and orders by invocation, Stripe, and payments' own records. */
export const checkoutPorts = (): CheckoutPorts => ({
  priceCart: (input) => invoke(PriceCartInvocation, input),
  holdSeats: (input) => invoke(HoldSeatsInvocation, input),
  createOrder: (input) => invoke(CreateOrderInvocation, input),
  calculateTax,
  createPaymentIntent,
  async clientSecretOf(paymentIntentId) {
    const intent = await retrievePaymentIntent(paymentIntentId);
    if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} has no client secret`);
    return intent.client_secret;
  },
  abandonPaymentIntent: (paymentIntentId) => cancelPaymentIntent(paymentIntentId, 'abandoned'),
  payments,
  taxCalculations,
  nowS: () => Math.floor(Date.now() / 1000),
});
