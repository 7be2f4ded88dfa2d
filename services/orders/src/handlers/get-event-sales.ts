import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { salesFigures } from '../domain/sales-figures.ts';

/** An event's sales figures for its organizers, summed from the facts kept for it. */
export const handler = httpHandler(operations.getEventSales, async ({ params, principal }) => {
  const { eventOrders, sales } = repositories();
  const event = await eventOrders.eventOf(params.eventId);
  if (!event) throw new HttpProblem(404, 'No such event.');
  refuseUnlessAllowed(businessAccess(principal, event.eventBusinessId, 'sales'), 'No such event.');
  return { status: 200, body: salesFigures(event, await sales.changes(params.eventId)) };
});
