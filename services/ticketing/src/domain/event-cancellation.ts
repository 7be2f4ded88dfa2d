import type { EventCancellation } from '@mytabs/contracts';
import type { EventRecord } from './event-record.ts';

export type CancelDecision =
  | { outcome: 'cancel'; cancellation: EventCancellation }
  | { outcome: 'already-canceled'; cancellation: EventCancellation }
  | { outcome: 'refused'; status: EventRecord['status'] };

/**
 * Only a published event is canceled (a draft sold nothing: it is simply never published), and
 * only once: a repeat finds the first cancellation and keeps it, reason and all.
 */
export const decideCancellation = (
  event: EventRecord,
  request: { reason: string; by: string },
  now: Date,
): CancelDecision => {
  if (event.status === 'CANCELED' && event.cancellation) {
    return { outcome: 'already-canceled', cancellation: event.cancellation };
  }
  if (event.status !== 'published') return { outcome: 'refused', status: event.status };
  return {
    outcome: 'cancel',
    cancellation: {
      reason: request.reason,
      canceledAt: now.toISOString(),
      canceledBy: request.by,
      ordersDone: 0,
    },
  };
};

/**
 * Whether to announce the cancellation (EventCanceled) on this request: when it was made now, and
 * again on a repeat while the workflow has not reported yet, in case the first announcement was
 * lost with a crash. Its start is named by the event, so a second announcement starts nothing.
 */
export const shouldAnnounce = (decision: CancelDecision) =>
  decision.outcome === 'cancel' ||
  (decision.outcome === 'already-canceled' && decision.cancellation.ordersTotal === undefined);
