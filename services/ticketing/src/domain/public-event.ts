import type { PublicEvent, TicketedEvent, TicketType } from '@mytabs/contracts';
import type { EventRecord } from './event-record.ts';

/**
 * What a buyer sees of an event: no business, tax or capacity internals, live availability. Of a
 * canceled event, only that it is (nothing is available); its business's members (`member`) also
 * see how the cancellation goes.
 */
export const toPublicEvent = (
  event: EventRecord,
  ticketTypes: TicketType[],
  { member = false } = {},
): PublicEvent => ({
  eventId: event.eventId,
  name: event.name,
  ...(event.description && { description: event.description }),
  startsAt: event.startsAt,
  ...(event.endsAt && { endsAt: event.endsAt }),
  timeZone: event.timeZone,
  venue: event.venue,
  ticketTypes: ticketTypes.map((t) => ({
    ticketTypeId: t.ticketTypeId,
    name: t.name,
    price: t.price,
    currency: t.currency,
    available: event.status === 'CANCELED' ? 0 : t.available,
  })),
  ...(event.status === 'CANCELED' && { canceled: true as const }),
  ...(member && event.cancellation && { cancellation: event.cancellation }),
});

/** What a ticket says of its event (name, time, time zone, venue), for the steps that print it. */
export const toTicketedEvent = (event: EventRecord): TicketedEvent => ({
  eventId: event.eventId,
  name: event.name,
  startsAt: event.startsAt,
  ...(event.endsAt && { endsAt: event.endsAt }),
  timeZone: event.timeZone,
  venue: event.venue,
});
