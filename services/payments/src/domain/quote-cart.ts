import type { BuyerAddress, CartItem } from '@mytabs/contracts';
import { cartFingerprint } from './cart-fingerprint.ts';
import type { CheckoutPorts } from './checkout-ports.ts';
import { CartRefused } from './checkout-refusals.ts';
import { buildQuote, taxLineRequests } from './quote.ts';

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
export const quoteCart = async (
  request: CartRequest,
  ports: Pick<CheckoutPorts, 'priceCart' | 'calculateTax' | 'taxCalculations'>,
) => {
  const priced = await ports.priceCart({ eventId: request.eventId, items: request.items });
  if (!priced.ok) throw new CartRefused(priced.refusal, false);
  const { cart } = priced;
  const calculation = await ports.calculateTax(
    cart.currency,
    taxLineRequests(cart),
    request.address,
  );
  const quote = buildQuote(cart, calculation.taxed, calculation.id);
  const fingerprint = cartFingerprint(request);
  await ports.taxCalculations.save({
    taxCalculationId: calculation.id,
    cartFingerprint: fingerprint,
    currency: quote.currency,
    total: quote.total,
    expiresAt: calculation.expiresAt,
  });
  return { cart, quote, fingerprint };
};
