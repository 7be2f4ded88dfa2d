import { ListEventsStartingInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { startingEvent } from '../domain/starting-event.ts';

const PAGE = 50;

/** `ticketing.listEventsStarting`: the events still on that start in a window, for reminders. */
export const handler = invocationHandler(
  ListEventsStartingInvocation,
  async ({ from, to, cursor }) => {
    const { catalog } = repositories();
    const page = await catalog.listStarting({ from, to }, PAGE, cursor);
    const items = [];
    for (const eventId of page.eventIds) {
      const found = await catalog.readEvent(eventId);
      const event = found && startingEvent(found.event);
      if (event) items.push(event);
    }
    return { items, ...(page.next && { nextCursor: page.next }) };
  },
);
