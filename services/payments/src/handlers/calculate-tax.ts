import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, MetricUnit, metrics } from '@mytabs/lambda-kit';
import { checkoutPorts } from '../adapters/checkout-ports.ts';
import { stripeClient } from '../adapters/stripe-client.ts';
import { promoCodeProblem } from '../domain/checkout-checks.ts';
import { quoteCart } from '../domain/quote-cart.ts';
import { checkoutProblem } from '../http/checkout-problems.ts';

/** `POST /payments/calculate-tax`: the quote for a cart, priced by the catalog, taxed at the venue. */
export const handler = httpHandler(operations.calculateTax, async ({ body }) => {
  const promo = promoCodeProblem(body.promoCode);
  if (promo) throw new HttpProblem(400, 'Unknown promotion code.', { errors: [promo] });
  try {
    // Before anything else: a quote from a shop that cannot take payment would mislead.
    await stripeClient();
    const { quote } = await quoteCart(body, checkoutPorts());
    // The top of the dashboard's order funnel.
    metrics.addMetric('QuotesCalculated', MetricUnit.Count, 1);
    return { status: 200, body: quote };
  } catch (error) {
    throw checkoutProblem(error);
  }
});
