import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';

type Key = { pk: string; sk: string };

/** An item as the domain sees it: without its keys, its type and its index attributes. */
export const asRecord = <T>(item: Record<string, unknown>) => {
  const { pk, sk, type, invitee, ...rest } = item;
  return rest as T;
};

/** One item, read consistently: what was written a moment ago is there. */
export const readItem = async <T>(db: DynamoDBDocumentClient, tableName: string, key: Key) => {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return Item ? asRecord<T>(Item) : undefined;
};

/**
 * Writes `value` as a new item of `type` (with `indexed`, its index attributes) unless one has
 * its key, and answers what is stored: this value if this call wrote it, the item found otherwise.
 */
export const writeOnce = async <T extends object>(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: Key,
  type: string,
  value: T,
  indexed: Record<string, string> = {},
) => {
  if (await putOnce(db, tableName, { ...key, type, ...indexed, ...value })) {
    return { stored: value, created: true };
  }
  const stored = await readItem<T>(db, tableName, key);
  if (!stored) throw new Error(`${key.pk} ${key.sk} was deleted while it was written`);
  return { stored, created: false };
};
