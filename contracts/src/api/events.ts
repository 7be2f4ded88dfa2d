import * as z from 'zod';
import { Venue } from '../address.ts';
import { BusinessId, EventId, TaxLocationId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { TimeZone, UtcDateTime } from '../time.ts';
import { EventCancellation } from './event-cancellation.ts';
import { TicketType } from './ticket-types.ts';

export const EventPathParams = z.object({ eventId: EventId });

export const ListEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).optional(),
});

/** A ticket type as the public listing shows it, with live availability. */
export const PublicTicketType = z
  .object({
    ticketTypeId: TicketType.shape.ticketTypeId,
    name: z.string().min(1),
    price: MinorUnits,
    currency: Currency,
    available: z.number().int().min(0),
  })
  .meta({ id: 'PublicTicketType' });

export const PublicEvent = z
  .object({
    eventId: EventId,
    name: z.string().min(1),
    description: z.string().optional(),
    startsAt: UtcDateTime,
    endsAt: UtcDateTime.optional(),
    timeZone: TimeZone,
    venue: Venue,
    ticketTypes: z.array(PublicTicketType),
    /** The event was canceled: nothing is on sale. */
    canceled: z.literal(true).optional(),
    /** Only for the members of the event's business: how its cancellation is going. */
    cancellation: EventCancellation.optional(),
  })
  .meta({ id: 'PublicEvent' });
export type PublicEvent = z.infer<typeof PublicEvent>;

export const ListEventsResponse = z
  .object({ items: z.array(PublicEvent), nextCursor: z.string().min(1).optional() })
  .meta({ id: 'ListEventsResponse' });
export type ListEventsResponse = z.infer<typeof ListEventsResponse>;

const EventFields = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  startsAt: UtcDateTime,
  endsAt: UtcDateTime.optional(),
  timeZone: TimeZone,
  venue: Venue,
  currency: Currency,
  salesStartAt: UtcDateTime.optional(),
  salesEndAt: UtcDateTime.optional(),
});

export const CreateEventRequest = EventFields.extend({ businessId: BusinessId }).meta({
  id: 'CreateEventRequest',
});
export type CreateEventRequest = z.infer<typeof CreateEventRequest>;

/** Any field of the event; `status: published` puts it on sale (it needs a ticket type). */
export const UpdateEventRequest = EventFields.omit({ currency: true })
  .partial()
  .extend({ status: z.literal('published').optional() })
  .meta({ id: 'UpdateEventRequest' });
export type UpdateEventRequest = z.infer<typeof UpdateEventRequest>;

/** The organizer's view of an event (named so it never shadows the global `Event`). */
export const OrganizerEvent = EventFields.extend({
  eventId: EventId,
  businessId: BusinessId,
  /** `CANCELED` (by `POST /events/{eventId}/cancel`) is final: nothing is sold again. */
  status: z.enum(['draft', 'published', 'CANCELED']),
  taxLocationId: TaxLocationId,
  ticketTypes: z.array(TicketType),
  createdAt: UtcDateTime,
  cancellation: EventCancellation.optional(),
}).meta({ id: 'OrganizerEvent' });
export type OrganizerEvent = z.infer<typeof OrganizerEvent>;

/** A business's events for its members, drafts included. */
export const ListBusinessEventsResponse = z
  .object({ items: z.array(OrganizerEvent), nextCursor: z.string().min(1).optional() })
  .meta({ id: 'ListBusinessEventsResponse' });
