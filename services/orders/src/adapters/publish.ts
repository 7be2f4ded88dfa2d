import type { EventEntry } from '@mytabs/contracts';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { z } from 'zod';
import { eventBridgeClient } from './aws-clients.ts';
import type { EffectRecords } from './effect-records.ts';
import { publishedKey } from './table-keys.ts';

const BusEnv = z.object({ EVENT_BUS_NAME: z.string().min(1) });

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
  await publishEvents(eventBridgeClient(), BusEnv.parse(process.env).EVENT_BUS_NAME, [entry]);
  await effects.record(key, now);
};
