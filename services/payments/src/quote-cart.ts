import type { BuyerAddress, CartItem } from '@mytabs/contracts';
import { HttpProblem } from '@mytabs/contracts';
import { priceCart } from './adapters/other-services.ts';
import { taxCalculations } from './adapters/records.ts';
import { AddressNotTaxable, calculateTax } from './adapters/stripe-tax.ts';
import { cartFingerprint } from './domain/cart-fingerprint.ts';
import { buildQuote, taxLineRequests } from './domain/quote.ts';
import { refusalProblem } from './domain/refusal-problem.ts';

export interface CartRequest {
  eventId: string;
  items: CartItem[];
  address: BuyerAddress;
}

/**
 * The catalog's prices for the cart, the service fee, and Stripe Tax at the venue: the quote both
 * checkout routes answer from. Each calculation is recorded with what it was made for, so only a
 * quote this service issued for this very cart is ever accepted back.
 */
export const quoteCart = async (request: CartRequest) => {
  const priced = await priceCart({ eventId: request.eventId, items: request.items });
  if (!priced.ok) throw refusalProblem(priced.refusal);
  const { cart } = priced;
  let calculation: Awaited<ReturnType<typeof calculateTax>>;
  try {
    calculation = await calculateTax(cart.currency, taxLineRequests(cart), request.address);
  } catch (error) {
    if (error instanceof AddressNotTaxable) {
      throw new HttpProblem(400, 'Tax cannot be computed for this address.', {
        errors: [{ path: 'address', message: error.message }],
      });
    }
    throw error;
  }
  const quote = buildQuote(cart, calculation.taxed, calculation.id);
  const fingerprint = cartFingerprint(request);
  await taxCalculations.save({
    taxCalculationId: calculation.id,
    cartFingerprint: fingerprint,
    currency: quote.currency,
    total: quote.total,
    expiresAt: calculation.expiresAt,
  });
  return { cart, quote, fingerprint };
};
