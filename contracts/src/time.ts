import * as z from 'zod';

/** An instant as ISO-8601 in UTC (`Z`), e.g. `2026-12-31T20:00:00Z`: the only way times travel. */
export const UtcDateTime = z.iso.datetime();

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone (`America/New_York`), in which an event's times are shown. */
export const TimeZone = z
  .string()
  .min(1)
  .refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York');
