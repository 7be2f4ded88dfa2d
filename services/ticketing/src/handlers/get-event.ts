import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toPublicEvent } from '../domain/public-event.ts';

export const handler = httpHandler(operations.getEvent, async ({ params }) => {
  const found = await repositories().catalog.readEvent(params.eventId);
  if (found?.event.status !== 'published') throw new HttpProblem(404, 'No such event.');
  return { status: 200, body: toPublicEvent(found.event, found.ticketTypes) };
});
