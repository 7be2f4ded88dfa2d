import * as z from 'zod';
import { Venue } from './address.ts';
import { TimeZone, UtcDateTime } from './time.ts';

/** What a ticket holder plans around: when (shown in its time zone) and where. */
export const EventSchedule = z.object({
  startsAt: UtcDateTime,
  endsAt: UtcDateTime.optional(),
  timeZone: TimeZone,
  venue: Venue,
});
export type EventSchedule = z.infer<typeof EventSchedule>;
