import { type EventSchedule, Venue } from '@mytabs/contracts';
import type { EventRecord } from './event-record.ts';

export type ScheduleField = 'startsAt' | 'endsAt' | 'timeZone' | 'venue';

const scheduleOf = (event: EventRecord): EventSchedule => ({
  startsAt: event.startsAt,
  ...(event.endsAt && { endsAt: event.endsAt }),
  timeZone: event.timeZone,
  venue: event.venue,
});

/** Two spellings of one instant (`…:00Z`, `…:00.000Z`) are no change. */
const sameInstant = (a?: string, b?: string) =>
  a === b || (a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b));

/** Field by field: the stored venue's keys come back from DynamoDB in any order. */
const sameVenue = (a: Venue, b: Venue) =>
  Object.keys(Venue.shape).every((k) => a[k as keyof Venue] === b[k as keyof Venue]);

/**
 * What a PATCH changed of a published event's date, time or venue, with the schedule before and
 * after; undefined when nothing its ticket holders plan around changed (a draft, a new name, the
 * same values sent again).
 */
export const scheduleChange = (before: EventRecord, after: EventRecord) => {
  if (before.status !== 'published') return undefined;
  const changed: ScheduleField[] = [
    ...(sameInstant(before.startsAt, after.startsAt) ? [] : (['startsAt'] as const)),
    ...(sameInstant(before.endsAt, after.endsAt) ? [] : (['endsAt'] as const)),
    ...(before.timeZone === after.timeZone ? [] : (['timeZone'] as const)),
    ...(sameVenue(before.venue, after.venue) ? [] : (['venue'] as const)),
  ];
  if (changed.length === 0) return undefined;
  return { changed, before: scheduleOf(before), after: scheduleOf(after) };
};
