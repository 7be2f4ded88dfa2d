import { operations } from '@mytabs/contracts';
import { cursorProblem, httpHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toPublicEvent } from '../domain/public-event.ts';

export const handler = httpHandler(operations.listEvents, async ({ query }) => {
  const { catalog } = repositories();
  const page = await catalog.listPublished(query.limit ?? 20, query.cursor).catch(cursorProblem);
  const items = [];
  for (const eventId of page.eventIds) {
    const found = await catalog.readEvent(eventId);
    if (found) items.push(toPublicEvent(found.event, found.ticketTypes));
  }
  return { status: 200, body: { items, ...(page.next && { nextCursor: page.next }) } };
});
