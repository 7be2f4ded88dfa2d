/**
 * The ticketing table's single-table layout: an event and its ticket types share a partition
 * (one consistent Query reads the whole catalog entry); each order's hold has its own.
 */
export const eventKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
export const ticketTypeKey = (eventId: string, ticketTypeId: string) => ({
  pk: `EVENT#${eventId}`,
  sk: `TICKETTYPE#${ticketTypeId}`,
});
export const holdKey = (orderId: string) => ({ pk: `HOLD#${orderId}`, sk: 'HOLD' });

/** Sparse index of active holds by when the sweeper should look at them next (`sweepAt`). */
export const ACTIVE_HOLDS_INDEX = 'activeHolds';
export const ACTIVE = 'active';

/** Events, tickets and attendees by their business: an event's item is the one with `sk = EVENT`. */
export const BY_BUSINESS_INDEX = 'byBusiness';

/** Sparse index of published events by start time: the public listing. */
export const PUBLISHED_EVENTS_INDEX = 'publishedEvents';
export const PUBLISHED = 'published';

/** An order's tickets share a partition: one consistent Query reads them all back. */
export const ticketKey = (orderId: string, ticketId: string) => ({
  pk: `TICKETS#${orderId}`,
  sk: `TICKET#${ticketId}`,
});
/**
 * The mark that an order's tickets are void (refunded in full, disputed), beside its tickets: it
 * applies to the order, so tickets issued after a dispute overtook fulfillment are void as well.
 */
export const voidKey = (orderId: string) => ({ pk: `TICKETS#${orderId}`, sk: 'VOID' });
/** Which side announces the order's void: the first to claim it (see announce-voided-tickets.ts). */
export const voidAnnouncerKey = (orderId: string) => ({
  pk: `TICKETS#${orderId}`,
  sk: 'VOID_ANNOUNCER',
});
/**
 * An event's attendee list, one item per ticket, in a partition of its own: never in the event's,
 * whose every catalog read would otherwise page through all its attendees.
 */
export const attendeeKey = (eventId: string, ticketId: string) => ({
  pk: `ATTENDEES#${eventId}`,
  sk: `TICKET#${ticketId}`,
});
