import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EventEntry } from '@mytabs/contracts';
import { publish } from './publish.ts';
import { putOnce } from './put-once.ts';

const idempotencyKeyOf = (entry: EventEntry) =>
  (JSON.parse(entry.Detail) as { metadata: { idempotencyKey: string } }).metadata.idempotencyKey;

/** Where a service's table records that an event is on the bus (every table has `pk`, `sk`). */
const publishedKey = (idempotencyKey: string) => ({
  pk: `PUBLISHED#${idempotencyKey}`,
  sk: 'PUBLISHED',
});

/**
 * Puts events on the bus unless the service's table records them as published: a retry, a
 * replay or a concurrent twin that finds the record publishes nothing. The record is written
 * after the put, so a crash in between publishes again (consumers deduplicate on the idempotency
 * key) rather than never. Needs `GetItem` and `PutItem` on the table.
 */
export const publishOnce = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  ...entries: readonly EventEntry[]
) => {
  const fresh: EventEntry[] = [];
  for (const entry of entries) {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: publishedKey(idempotencyKeyOf(entry)),
        ConsistentRead: true,
      }),
    );
    if (!Item) fresh.push(entry);
  }
  if (fresh.length === 0) return;
  await publish(...fresh);
  const at = new Date().toISOString();
  for (const entry of fresh) {
    await putOnce(db, tableName, {
      ...publishedKey(idempotencyKeyOf(entry)),
      type: 'published',
      at,
    });
  }
};
