import { HttpProblem, InvocationError } from '@mytabs/lambda-kit';
import Stripe from 'stripe';
import { AddressNotTaxable, CartRefused, QuoteRefused } from '../domain/checkout-refusals.ts';
import { PaymentsNotConfigured } from '../domain/payments-not-configured.ts';

/** Stripe is not configured yet: nothing was held or charged, and a later retry may succeed. */
export const notConfiguredProblem = () =>
  new HttpProblem(503, 'Payments are not configured yet: nothing was held or charged.', {
    code: 'payments-not-configured',
  });

/** A refused cart as the buyer sees it: an unknown event is 404, anything else a 409 conflict. */
export const cartProblem = ({ refusal }: CartRefused) =>
  new HttpProblem(refusal.code === 'event-not-found' ? 404 : 409, refusal.message, {
    code: refusal.code,
    ...(refusal.ticketTypeId && { ticketTypeId: refusal.ticketTypeId }),
  });

/**
 * A checkout's failure as the buyer's client sees it. Stripe not configured: 503
 * `payments-not-configured`. The domain's refusals: a refused cart (404
 * or 409), a quote that cannot stand (409 `quote-<reason>`), an address tax cannot be computed
 * for (400). A failure of something checkout depends on (Stripe, ticketing, orders): 502, safe to
 * retry (with the same Idempotency-Key for createPaymentIntent). An order Stripe will never charge
 * (below the smallest amount card payments accept, e.g. 50 cents) is 409: retrying would never
 * help. Anything else is left as it is.
 */
export const checkoutProblem = (error: unknown) => {
  if (error instanceof PaymentsNotConfigured) return notConfiguredProblem();
  if (error instanceof CartRefused) return cartProblem(error);
  if (error instanceof QuoteRefused) {
    return new HttpProblem(409, error.verdict.detail, {
      code: `quote-${error.verdict.reason}`,
      errors: [{ path: 'taxCalculationId', message: error.verdict.detail }],
    });
  }
  if (error instanceof AddressNotTaxable) {
    return new HttpProblem(400, 'Tax cannot be computed for this address.', {
      errors: [{ path: 'address', message: error.message }],
    });
  }
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
