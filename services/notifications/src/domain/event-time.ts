import type { TicketedEvent } from '@mytabs/contracts';

/** Without an end, an event is taken to last this long (the calendar entry needs an end). */
export const DEFAULT_EVENT_MINUTES = 180;

/** When the event is over: its end, or its start and the default length. */
export const eventEnd = (event: TicketedEvent) =>
  new Date(event.endsAt ?? Date.parse(event.startsAt) + DEFAULT_EVENT_MINUTES * 60_000);

/**
 * Until when the email's link to the order must open it: a week past the event, for the buyer who
 * looks the order up afterwards.
 */
export const orderLinkValidUntil = (event: TicketedEvent) =>
  new Date(eventEnd(event).getTime() + 7 * 24 * 3600_000).toISOString();

/** An instant as the event's audience reads it: its own time zone, e.g. "Monday, March 1, 2027 at 8:00 PM GMT+1". */
export const localDateTime = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant));

/** When the event is, in its time zone, named so the buyer knows which clock it is. */
export const eventWhen = (event: Pick<TicketedEvent, 'startsAt' | 'timeZone'>) =>
  `${localDateTime(event.startsAt, event.timeZone)} (${event.timeZone})`;

/** The venue as an address block. */
export const venueLines = ({ venue }: Pick<TicketedEvent, 'venue'>) => [
  venue.name,
  venue.line1,
  ...(venue.line2 ? [venue.line2] : []),
  `${venue.city}${venue.state ? `, ${venue.state}` : ''} ${venue.postalCode}`,
  venue.country,
];
