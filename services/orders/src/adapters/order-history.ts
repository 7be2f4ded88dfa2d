import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';
import { HistoryEntry } from '../domain/order-history.ts';
import { historyKey } from './table-keys.ts';

/** An order's history beside it in its partition: each entry written once, read in one Query. */
export const orderHistory = (db: DynamoDBDocumentClient, tableName: string) => ({
  record: (orderId: string, entryId: string, entry: HistoryEntry) =>
    putOnce(db, tableName, { ...historyKey(orderId, entryId), type: 'history', entry }),
  async list(orderId: string) {
    const { pk, sk } = historyKey(orderId, '');
    const entries: HistoryEntry[] = [];
    let next: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :history)',
          ExpressionAttributeValues: { ':pk': pk, ':history': sk },
          ...(next && { ExclusiveStartKey: next }),
        }),
      );
      entries.push(...(page.Items ?? []).map((item) => HistoryEntry.parse(item.entry)));
      next = page.LastEvaluatedKey;
    } while (next);
    return entries;
  },
});
