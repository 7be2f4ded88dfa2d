import type { TicketedEvent } from '@mytabs/contracts';

/** Without an end, an event is taken to last this long (the calendar entry needs an end). */
export const DEFAULT_EVENT_MINUTES = 180;

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
export const eventWhen = (event: TicketedEvent) =>
  `${localDateTime(event.startsAt, event.timeZone)} (${event.timeZone})`;

/** The venue as an address block. */
export const venueLines = ({ venue }: TicketedEvent) => [
  venue.name,
  venue.line1,
  ...(venue.line2 ? [venue.line2] : []),
  `${venue.city}${venue.state ? `, ${venue.state}` : ''} ${venue.postalCode}`,
  venue.country,
];
