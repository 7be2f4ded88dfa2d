import { businessAccess, operations } from '@mytabs/contracts';
import { cursorProblem, HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { eventOrdersFilter } from '../domain/event-orders-filter.ts';
import { toEventOrderSummary } from '../domain/order-views.ts';

const PAGE = 25;

/** An event's orders for its organizers, newest first, a page at a time. */
export const handler = httpHandler(
  operations.listEventOrders,
  async ({ params, query, principal }) => {
    const { eventOrders } = repositories();
    const event = await eventOrders.eventOf(params.eventId);
    if (!event) throw new HttpProblem(404, 'No such event.');
    refuseUnlessAllowed(
      businessAccess(principal, event.eventBusinessId, 'orders'),
      'No such event.',
    );
    const page = await eventOrders
      .list(params.eventId, eventOrdersFilter(query), query.limit ?? PAGE, query.cursor)
      .catch(cursorProblem);
    return {
      status: 200,
      body: {
        items: page.items.map(toEventOrderSummary),
        ...(page.next && { nextCursor: page.next }),
      },
    };
  },
);
