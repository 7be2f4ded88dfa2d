import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Writes an item only if none has its key (`attribute_not_exists(pk)`): the durable record that
 * makes an effect happen once. True if this call wrote it, false if it was there already.
 */
export const putOnce = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown> & { pk: string },
): Promise<boolean> => {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};
