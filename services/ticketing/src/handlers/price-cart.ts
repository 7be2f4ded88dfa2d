import { PriceCartInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { checkAvailability, priceCart } from '../domain/price-cart.ts';
import { refuse } from '../domain/refusal.ts';

/** `ticketing.priceCart`, for payments' quote: refuses early when seats have visibly run out. */
export const handler = invocationHandler(PriceCartInvocation, async ({ eventId, items }) => {
  const found = await repositories().catalog.findEvent(eventId);
  if (!found) return refuse('event-not-found', 'No such event.');
  const priced = priceCart(found.event, found.ticketTypes, items, new Date());
  if (!priced.ok) return priced;
  const available = checkAvailability(found.ticketTypes, items);
  return available.ok ? priced : available;
});
