import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { StuckOrderItem } from '../domain/stuck-order.ts';

/**
 * Every order item of a stage's orders table (`sk = ORDER`), parsed: the one scan behind the
 * stuck-orders measure and the operator's CLI. The client is the caller's (a function's traced
 * one, or the CLI's against AWS or the local platform), so this module holds no runtime of its own.
 */
export const scanOrderItems = async (
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<StuckOrderItem[]> => {
  const orders: StuckOrderItem[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :order',
        ExpressionAttributeValues: { ':order': 'ORDER' },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const parsed = StuckOrderItem.safeParse(item);
      if (parsed.success) orders.push(parsed.data);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return orders;
};
