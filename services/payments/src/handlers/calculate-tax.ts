import { HttpProblem, httpHandler, operations } from '@mytabs/contracts';
import { promoCodeProblem } from '../domain/checkout-checks.ts';
import { quoteCart } from '../quote-cart.ts';
import { upstreamProblem } from '../upstream-problem.ts';

/** `POST /payments/calculate-tax`: the quote for a cart, priced by the catalog, taxed at the venue. */
export const handler = httpHandler(operations.calculateTax, async ({ body }) => {
  const promo = promoCodeProblem(body.promoCode);
  if (promo) throw new HttpProblem(400, 'Unknown promotion code.', { errors: [promo] });
  try {
    const { quote } = await quoteCart(body);
    return { status: 200, body: quote };
  } catch (error) {
    throw upstreamProblem(error);
  }
});
