import {
  businessAccess,
  CreateTaxLocationInvocation,
  LookupBusinessInvocation,
  operations,
} from '@mytabs/contracts';
import { HttpProblem, httpHandler, invoke, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import type { EventRecord } from '../domain/event-record.ts';
import { newEventId } from '../domain/new-ids.ts';
import { toOrganizerEvent } from '../domain/organizer-event.ts';

export const handler = httpHandler(operations.createEvent, async ({ body, principal }) => {
  refuseUnlessAllowed(businessAccess(principal, body.businessId, 'events'), 'No such business.');
  const found = await invoke(LookupBusinessInvocation, { businessId: body.businessId });
  if (!found.found) throw new HttpProblem(404, 'No such business.');
  if (found.business.ticketFee.currency !== body.currency) {
    throw new HttpProblem(422, `This business sells in ${found.business.ticketFee.currency}.`, {
      errors: [{ path: 'currency', message: `must be ${found.business.ticketFee.currency}` }],
    });
  }
  const eventId = newEventId();
  const { taxLocationId } = await invoke(CreateTaxLocationInvocation, {
    eventId,
    venue: body.venue,
  });
  const event: EventRecord = {
    ...body,
    eventId: eventId as EventRecord['eventId'],
    status: 'draft',
    taxLocationId,
    serviceFeePerTicket: found.business.ticketFee.amount,
    createdAt: new Date().toISOString(),
  };
  await repositories().catalog.putEvent(event);
  return { status: 201, body: toOrganizerEvent(event, []) };
});
