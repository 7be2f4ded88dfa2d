import { HttpProblem } from '@mytabs/contracts';
import { InvocationError } from '@mytabs/contracts/runtime/invoke-function';
import Stripe from 'stripe';

/**
 * A failure of something checkout depends on (Stripe, ticketing, orders) as the buyer's client
 * sees it: 502, safe to retry (with the same Idempotency-Key for createPaymentIntent). An order
 * Stripe will never charge (below the smallest amount card payments accept, e.g. 50 cents) is
 * 409 instead: retrying would never help. Anything else is left as it is.
 */
export const upstreamProblem = (error: unknown) => {
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === 'amount_too_small'
  ) {
    return new HttpProblem(409, 'This order is below the smallest amount a card payment can be.', {
      code: 'amount-too-small',
    });
  }
  return error instanceof InvocationError ||
    (error instanceof Stripe.errors.StripeError &&
      !(error instanceof Stripe.errors.StripeCardError))
    ? new HttpProblem(502, 'A service checkout depends on failed; retry the request.')
    : error;
};
