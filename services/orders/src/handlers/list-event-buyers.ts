import { ListEventBuyersInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { holdsValidTickets, toOrderBuyer } from '../domain/order-buyer.ts';

const PAGE = 100;

/** `orders.listEventBuyers`: a page of an event's orders with valid tickets, for notifications. */
export const handler = invocationHandler(ListEventBuyersInvocation, async ({ eventId, cursor }) => {
  const { eventOrders } = repositories();
  const page = await eventOrders.list(eventId, {}, PAGE, cursor);
  return {
    items: page.items.filter(holdsValidTickets).map(toOrderBuyer),
    ...(page.next && { nextCursor: page.next }),
  };
});
