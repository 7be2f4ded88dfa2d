import * as z from 'zod';

/**
 * What EventBridge hands a function on a schedule (a rule's `rate(...)`): `time` is the moment
 * the rule fired, the "now" a scan works from, so a late delivery still scans its own window.
 */
export const ScheduledEvent = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: z.iso.datetime(),
});
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;
