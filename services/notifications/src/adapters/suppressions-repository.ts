import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';
import type { SuppressionsPort } from '../domain/ports.ts';
import type { Suppression } from '../domain/suppression.ts';

/** `suppressed#<address>`: one per address never mailed again, never expiring. */
const suppressionKey = (address: string) => ({
  pk: `suppressed#${address.toLowerCase()}`,
  sk: 'SUPPRESSED',
});

export const suppressionsRepository = (
  db: DynamoDBDocumentClient,
  tableName: string,
): SuppressionsPort => ({
  async find(address) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: suppressionKey(address), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { address: stored, reason, detail, messageId, feedbackId, at } = Item as Suppression;
    return { address: stored, reason, detail, messageId, feedbackId, at };
  },
  record: (suppression) =>
    putOnce(db, tableName, {
      ...suppressionKey(suppression.address),
      type: 'suppression',
      ...suppression,
    }),
});
