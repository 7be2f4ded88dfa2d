import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventEntry } from '@mytabs/contracts';
import { eventBridgeClient } from './clients/event-bridge-client.ts';
import { busName } from './environment.ts';
import { traceHeader } from './tracing.ts';

/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;

export class PublishError extends Error {
  override name = 'PublishError';
}

/**
 * Puts built events (from a contract's `build`) on the stage's bus (`uses.bus`). Any entry the bus
 * refuses fails the whole call, so the caller's effect is retried rather than recorded as done:
 * consumers deduplicate on each event's idempotency key, so the entries that went through are
 * harmless.
 */
export const publish = async (...entries: readonly EventEntry[]) => {
  const client = eventBridgeClient();
  const bus = busName();
  // Consumers' segments join the publisher's trace (EventBridge passes the header on).
  const trace = traceHeader();
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH).map(({ Source, DetailType, Detail }) => ({
      Source,
      DetailType,
      Detail,
      EventBusName: bus,
      ...(trace && { TraceHeader: trace }),
    }));
    const result = await client.send(new PutEventsCommand({ Entries: batch }));
    if (result.FailedEntryCount) {
      const failed = (result.Entries ?? []).filter((e) => e.ErrorCode);
      throw new PublishError(
        `The bus refused ${failed.length} event(s): ${failed.map((e) => `${e.ErrorCode} ${e.ErrorMessage}`).join('; ')}`,
      );
    }
  }
};
