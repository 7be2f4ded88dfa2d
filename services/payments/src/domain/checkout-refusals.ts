import type { CatalogRefusal } from '@mytabs/contracts';
import type { QuoteVerdict } from './quote-acceptance.ts';

/**
 * The catalog refused the cart: an unknown event, a sold-out or closed ticket type. `afterPayment`
 * when the refusal came at the hold, after the PaymentIntent was made (a race for the last seats):
 * the PaymentIntent was canceled, and the refusal is the checkout's final answer.
 */
export class CartRefused extends Error {
  override name = 'CartRefused';
  constructor(
    readonly refusal: CatalogRefusal,
    readonly afterPayment: boolean,
  ) {
    super(refusal.message);
  }
}

/** The client's `taxCalculationId` cannot stand for this checkout (not ours, stale, another cart). */
export class QuoteRefused extends Error {
  override name = 'QuoteRefused';
  constructor(readonly verdict: Extract<QuoteVerdict, { ok: false }>) {
    super(verdict.detail);
  }
}

/** Tax cannot be computed for the buyer's address (e.g. a US address without a state). */
export class AddressNotTaxable extends Error {
  override name = 'AddressNotTaxable';
}
