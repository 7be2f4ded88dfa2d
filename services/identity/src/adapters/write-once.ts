import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';

/**
 * Writes `value` as a new item unless one has its key, and answers what is stored: this value if
 * this call wrote it, the item found otherwise (read back with `read`).
 */
export const writeOnce = async <T>(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown> & { pk: string },
  value: T,
  read: () => Promise<T | undefined>,
) => {
  if (await putOnce(db, tableName, item)) return { stored: value, created: true };
  const stored = await read();
  if (!stored) throw new Error(`${item.pk} ${String(item.sk)} was deleted while it was written`);
  return { stored, created: false };
};
