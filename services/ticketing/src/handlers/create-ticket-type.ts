import { businessAccess, operations, type TicketType } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { newTicketTypeId } from '../domain/new-ids.ts';

export const handler = httpHandler(
  operations.createTicketType,
  async ({ params, body, principal }) => {
    const { catalog } = repositories();
    const found = await catalog.readEvent(params.eventId);
    if (!found) throw new HttpProblem(404, 'No such event.');
    refuseUnlessAllowed(
      businessAccess(principal, found.event.businessId, 'ticketTypes'),
      'No such event.',
    );
    if (body.currency !== found.event.currency) {
      throw new HttpProblem(409, `This event sells in ${found.event.currency}.`, {
        errors: [{ path: 'currency', message: `must be ${found.event.currency}` }],
      });
    }
    const ticketType: TicketType = {
      ...body,
      ticketTypeId: newTicketTypeId() as TicketType['ticketTypeId'],
      eventId: found.event.eventId,
      available: body.capacity,
    };
    await catalog.putTicketType(ticketType, found.ticketTypes.length);
    return { status: 201, body: ticketType };
  },
);
