import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

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
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key, type: 'effect', recordedAt: at.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
});
export type EffectRecords = ReturnType<typeof effectRecords>;
