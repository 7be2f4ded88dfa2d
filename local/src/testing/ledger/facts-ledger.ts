import type { BusEvent, Item, LedgerBreak } from './ledger.ts';

/**
 * Where services record that a fact is on the bus: the kit's `publishOnce` (`pk` =
 * `PUBLISHED#<key>`) and payments' webhook (`pk` = `fact#<key>`).
 */
const recordedKey = (item: Item): string | undefined => {
  const pk = item.pk as string;
  if (pk.startsWith('PUBLISHED#')) return pk.slice('PUBLISHED#'.length);
  if (pk.startsWith('fact#')) return pk.slice('fact#'.length);
  return undefined;
};

/**
 * Facts, over the bus's archive (every event put on the bus; a replay re-delivers archived events
 * without archiving them again, as on AWS): no two events carry the same
 * `metadata.idempotencyKey`, and every fact a service recorded as published is on the bus.
 */
export const factsLedger = (
  tables: Readonly<Record<string, readonly Item[]>>,
  events: readonly BusEvent[],
): LedgerBreak[] => {
  const breaks: LedgerBreak[] = [];
  const byKey = new Map<string, BusEvent[]>();
  for (const event of events) {
    const key = event.detail.metadata?.idempotencyKey;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  for (const [key, published] of byKey) {
    if (published.length > 1) {
      breaks.push({
        invariant: 'facts',
        subject: `${published[0]?.['detail-type']} ${key}`,
        detail: `published ${published.length} times`,
      });
    }
  }
  for (const [service, items] of Object.entries(tables)) {
    for (const key of items.map(recordedKey)) {
      if (key && !byKey.has(key)) {
        breaks.push({
          invariant: 'facts',
          subject: `fact ${key}`,
          detail: `${service} records it published, the bus never had it`,
        });
      }
    }
  }
  return breaks;
};
