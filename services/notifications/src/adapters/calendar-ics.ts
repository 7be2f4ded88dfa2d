import { createEvent, type DateArray, type EventAttributes } from 'ics';
import type { CalendarEntry } from '../domain/email-message.ts';

const utcParts = (instant: string): DateArray => {
  const d = new Date(instant);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
};

/**
 * The event as an `.ics` file. Its times are UTC instants, which every calendar converts to its
 * reader's clock exactly; the `ics` library writes no TZID or VTIMEZONE, so the event's own time
 * zone travels as the calendar's `X-WR-TIMEZONE`, which Apple and Google calendars read.
 */
export const calendarIcs = (entry: CalendarEntry) => {
  const timing =
    'endsAt' in entry
      ? { end: utcParts(entry.endsAt), endInputType: 'utc' as const, endOutputType: 'utc' as const }
      : { duration: { minutes: entry.durationMinutes } };
  const attributes: EventAttributes = {
    uid: entry.uid,
    productId: 'mytabs/notifications',
    title: entry.title,
    start: utcParts(entry.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...timing,
    location: entry.location,
    description: entry.description,
    ...(entry.url && { url: entry.url }),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error(`No calendar entry for ${entry.uid}`);
  return value.replace(
    /^BEGIN:VCALENDAR\r\n/,
    `BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:${entry.timeZone}\r\n`,
  );
};
