import type { EventEntry } from '@mytabs/contracts';
import { publish } from '@mytabs/lambda-kit';
import type { EffectRecords } from './effect-records.ts';
import { publishedKey } from './table-keys.ts';

const keyOf = (entry: EventEntry) =>
  (JSON.parse(entry.Detail) as { metadata: { idempotencyKey: string } }).metadata.idempotencyKey;

/**
 * Puts an event about an order on the bus unless a record says it is there already; the record
 * is written after the put, so a crash in between publishes it again (consumers deduplicate on
 * its idempotency key) rather than never.
 */
export const publishOnce = async (
  effects: EffectRecords,
  orderId: string,
  entry: EventEntry,
  now = new Date(),
) => {
  const key = publishedKey(orderId, keyOf(entry));
  if (await effects.has(key)) return;
  await publish(entry);
  await effects.record(key, now);
};
