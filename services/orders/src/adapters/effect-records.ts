import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';

/**
 * Durable records of effects done: written with `attribute_not_exists` once the effect happened,
 * never expiring, so a redelivery or replay days later still finds them.
 */
export const effectRecords = (db: DynamoDBDocumentClient, tableName: string) => ({
  async has(key: { pk: string; sk: string }) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    return Item !== undefined;
  },
  async record(key: { pk: string; sk: string }, at: Date) {
    await putOnce(db, tableName, { ...key, type: 'effect', recordedAt: at.toISOString() });
  },
});
export type EffectRecords = ReturnType<typeof effectRecords>;
