import type { EffectRecords } from './effect-records.ts';
import { consumedKey } from './table-keys.ts';

/**
 * Takes in a fact from the bus once per idempotency key, whatever the number of deliveries or
 * replays: the record is written after the effect, so a crash in between repeats the effect,
 * which is safe because every effect on an order only moves it forward.
 */
export const consumeOnce = async (
  effects: EffectRecords,
  fact: { orderId: string; idempotencyKey: string },
  effect: () => Promise<void>,
) => {
  const key = consumedKey(fact.orderId, fact.idempotencyKey);
  if (await effects.has(key)) return 'duplicate' as const;
  await effect();
  await effects.record(key, new Date());
  return 'consumed' as const;
};
