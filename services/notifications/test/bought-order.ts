import { type RepoPlatform, shopper, watchOrder } from '@mytabs/local';
import { expect } from 'vitest';

/** A buyer's paid order of `quantity` tickets of the seeded demo event, watched until it settles. */
export const buyDemoTickets = async (local: RepoPlatform, email: string, quantity: number) => {
  const event = local.seed?.event;
  const ticketType = event?.ticketTypes[0];
  if (!event || !ticketType) throw new Error('the demo seed has no event');
  const buyer = shopper(local.endpoints);
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: ticketType.ticketTypeId, quantity }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const quote = await buyer.quote(cart);
  const placed = await buyer.createPaymentIntent(
    { ...cart, taxCalculationId: quote.taxCalculationId },
    { email, name: 'Wallet Test' },
  );
  await buyer.pay(placed.paymentIntentId);
  // The platform may be cold: the fulfillment wakes a chain of functions for the first time.
  const order = await watchOrder(buyer, placed.orderId, placed.orderToken, { timeoutMs: 60_000 });
  expect(order.status).toBe('FULFILLED');
  return { event, buyer, order, orderToken: placed.orderToken };
};
