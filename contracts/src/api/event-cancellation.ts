import * as z from 'zod';
import { EventId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';

export const CancelEventRequest = z
  .object({
    /** Told to every buyer in the cancellation email. */
    reason: z.string().trim().min(1).max(1000),
  })
  .meta({ id: 'CancelEventRequest' });

/**
 * An event's cancellation as its business's members follow it: the orders the workflow has gone
 * through out of those the event had, and when it finished.
 */
export const EventCancellation = z
  .object({
    reason: z.string().min(1),
    canceledAt: UtcDateTime,
    canceledBy: z.string().min(1),
    ordersDone: z.number().int().min(0),
    /** Absent until the workflow has counted the event's orders. */
    ordersTotal: z.number().int().min(0).optional(),
    finishedAt: UtcDateTime.optional(),
  })
  .meta({ id: 'EventCancellation' });
export type EventCancellation = z.infer<typeof EventCancellation>;

export const CancelEventResponse = z
  .object({
    eventId: EventId,
    status: z.literal('CANCELED'),
    cancellation: EventCancellation,
  })
  .meta({ id: 'CancelEventResponse' });
