import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toPublicEvent } from '../domain/public-event.ts';

/** A published or canceled event; its business's members see how its cancellation goes. */
export const handler = httpHandler(operations.getEvent, async ({ params, principal }) => {
  const found = await repositories().catalog.readEvent(params.eventId);
  if (!found || found.event.status === 'draft') throw new HttpProblem(404, 'No such event.');
  const member = businessAccess(principal, found.event.businessId, 'business') === 'allowed';
  return { status: 200, body: toPublicEvent(found.event, found.ticketTypes, { member }) };
});
