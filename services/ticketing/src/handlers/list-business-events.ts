import { businessAccess, operations } from '@mytabs/contracts';
import { cursorProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toOrganizerEvent } from '../domain/organizer-event.ts';

/**
 * A business's events, drafts included, for every member: door staff find the event they scan
 * for here, though only owners and managers may change one.
 */
export const handler = httpHandler(
  operations.listBusinessEvents,
  async ({ params, query, principal }) => {
    refuseUnlessAllowed(
      businessAccess(principal, params.businessId, 'business'),
      'No such business.',
    );
    const { catalog } = repositories();
    const page = await catalog
      .listForBusiness(params.businessId, query.limit ?? 20, query.cursor)
      .catch(cursorProblem);
    const items = [];
    for (const eventId of page.eventIds) {
      const found = await catalog.readEvent(eventId);
      if (found) items.push(toOrganizerEvent(found.event, found.ticketTypes));
    }
    return { status: 200, body: { items, ...(page.next && { nextCursor: page.next }) } };
  },
);
