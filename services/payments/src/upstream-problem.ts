import { HttpProblem } from '@mytabs/contracts';
import { InvocationError } from '@mytabs/contracts/runtime/invoke-function';
import Stripe from 'stripe';

/**
 * A failure of something checkout depends on (Stripe, ticketing, orders) as the buyer's client
 * sees it: 502, safe to retry (with the same Idempotency-Key for createPaymentIntent). Anything
 * else is left as it is.
 */
export const upstreamProblem = (error: unknown) =>
  error instanceof InvocationError ||
  (error instanceof Stripe.errors.StripeError && !(error instanceof Stripe.errors.StripeCardError))
    ? new HttpProblem(502, 'A service checkout depends on failed; retry the request.')
    : error;
