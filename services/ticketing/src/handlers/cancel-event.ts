import { businessAccess, EventCanceled, operations } from '@mytabs/contracts';
import {
  documentClient,
  HttpProblem,
  httpHandler,
  publishOnce,
  refuseUnlessAllowed,
  tableName,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { decideCancellation, shouldAnnounce } from '../domain/event-cancellation.ts';
import { toTicketedEvent } from '../domain/public-event.ts';

/**
 * An owner or manager cancels a published event: from the conditional write on, nothing is sold
 * (quotes, checkouts and ConfirmHold refuse it), and EventCanceled starts orders' workflow. A
 * repeat answers the state the first made, and announces it only if the first stopped before
 * EventCanceled was on the bus.
 */
export const handler = httpHandler(operations.cancelEvent, async ({ params, body, principal }) => {
  const { catalog, cancellations } = repositories();
  const found = await catalog.readEvent(params.eventId);
  if (!found) throw new HttpProblem(404, 'No such event.');
  refuseUnlessAllowed(
    businessAccess(principal, found.event.businessId, 'events'),
    'No such event.',
  );
  let decision = decideCancellation(
    found.event,
    { reason: body.reason, by: principal.userId },
    new Date(),
  );
  if (decision.outcome === 'refused') {
    throw new HttpProblem(409, 'Only a published event can be canceled; this one is a draft.', {
      status: decision.status,
    });
  }
  if (decision.outcome === 'cancel') {
    const won = await cancellations.cancel(params.eventId, decision.cancellation);
    const stored = won ? undefined : (await catalog.readEvent(params.eventId))?.event;
    if (stored?.cancellation) {
      decision = { outcome: 'already-canceled', cancellation: stored.cancellation };
    }
  }
  const { cancellation } = decision;
  if (shouldAnnounce(decision)) {
    await publishOnce(
      documentClient(),
      tableName(),
      EventCanceled.build(
        {
          event: toTicketedEvent(found.event),
          businessId: found.event.businessId,
          reason: cancellation.reason,
          canceledBy: cancellation.canceledBy,
          canceledAt: cancellation.canceledAt,
        },
        { idempotencyKey: `EventCanceled:${params.eventId}`, correlationId: params.eventId },
      ),
    );
  }
  return {
    status: 202,
    body: { eventId: found.event.eventId, status: 'CANCELED' as const, cancellation },
  };
});
