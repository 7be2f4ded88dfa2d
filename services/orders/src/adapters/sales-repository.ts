import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';
import type { SalesChange } from '../domain/sales-change.ts';
import { salesFactKey } from './table-keys.ts';

/**
 * An event's figures as the facts that changed them, one item each written once: a redelivery or
 * a replay of the archive writes nothing. Summed on read (a Query of the event's partition, every
 * page), since DynamoDB here has no transactions to add to counters and mark a fact in one write.
 */
export const salesRepository = (db: DynamoDBDocumentClient, tableName: string) => ({
  record: (eventId: string, idempotencyKey: string, change: SalesChange) =>
    putOnce(db, tableName, { ...salesFactKey(eventId, idempotencyKey), type: 'sales', change }),
  async changes(eventId: string) {
    const changes: SalesChange[] = [];
    let next: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': salesFactKey(eventId, '').pk },
          ConsistentRead: true,
          ...(next && { ExclusiveStartKey: next }),
        }),
      );
      changes.push(...(page.Items ?? []).map((item) => item.change as SalesChange));
      next = page.LastEvaluatedKey;
    } while (next);
    return changes;
  },
});
