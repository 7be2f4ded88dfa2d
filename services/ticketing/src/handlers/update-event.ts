import { randomUUID } from 'node:crypto';
import {
  businessAccess,
  CreateTaxLocationInvocation,
  EventChanged,
  EventPublished,
  operations,
} from '@mytabs/contracts';
import { HttpProblem, httpHandler, invoke, publish, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import type { EventRecord } from '../domain/event-record.ts';
import { toOrganizerEvent } from '../domain/organizer-event.ts';
import { scheduleChange } from '../domain/schedule-change.ts';

export const handler = httpHandler(
  operations.updateEvent,
  async ({ params, body, principal, requestId }) => {
    const { catalog } = repositories();
    const found = await catalog.readEvent(params.eventId);
    if (!found) throw new HttpProblem(404, 'No such event.');
    refuseUnlessAllowed(
      businessAccess(principal, found.event.businessId, 'events'),
      'No such event.',
    );
    const publishing = body.status === 'published' && found.event.status === 'draft';
    if (publishing && found.ticketTypes.length === 0) {
      throw new HttpProblem(409, 'An event goes on sale with at least one ticket type.');
    }
    const next: EventRecord = { ...found.event, ...body };
    if (body.venue) {
      next.taxLocationId = (
        await invoke(CreateTaxLocationInvocation, { eventId: next.eventId, venue: body.venue })
      ).taxLocationId;
    }
    await catalog.updateEvent(next);
    const change = scheduleChange(found.event, next);
    if (change) {
      const changeId = requestId || randomUUID();
      await publish(
        EventChanged.build(
          {
            eventId: next.eventId,
            businessId: next.businessId,
            name: next.name,
            changeId,
            ...change,
          },
          {
            idempotencyKey: `EventChanged:${next.eventId}:${changeId}`,
            correlationId: requestId,
          },
        ),
      );
    }
    if (publishing) {
      await publish(
        EventPublished.build(
          {
            eventId: next.eventId,
            businessId: next.businessId,
            name: next.name,
            startsAt: next.startsAt,
            ...(next.endsAt && { endsAt: next.endsAt }),
            timeZone: next.timeZone,
            venue: next.venue,
            taxLocationId: next.taxLocationId,
            ticketTypes: found.ticketTypes.map((t) => ({
              ticketTypeId: t.ticketTypeId,
              name: t.name,
              price: t.price,
              currency: t.currency,
              capacity: t.capacity,
            })),
          },
          { idempotencyKey: `EventPublished:${next.eventId}`, correlationId: requestId },
        ),
      );
    }
    return { status: 200, body: toOrganizerEvent(next, found.ticketTypes) };
  },
);
