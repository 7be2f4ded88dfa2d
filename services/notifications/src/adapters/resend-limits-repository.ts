import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RESEND_INTERVAL_MS } from '../domain/resend-limit.ts';

/**
 * `resends#<orderId>`: when the order's confirmation was last sent again on request and how many
 * times. Taking a turn is one conditional write, so a burst of requests gets one turn.
 */
export const resendLimitsRepository = (db: DynamoDBDocumentClient, tableName: string) => ({
  /** The resend's number (1, 2, ...) if the order may have one now; `too-soon` with the last time. */
  async takeTurn(orderId: string, now: Date): Promise<{ turn: number } | { tooSoonAfter: Date }> {
    try {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `resends#${orderId}`, sk: 'RESENDS' },
          UpdateExpression: 'SET lastAt = :now ADD turns :one',
          ConditionExpression: 'attribute_not_exists(lastAt) OR lastAt <= :cutoff',
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':one': 1,
            ':cutoff': new Date(now.getTime() - RESEND_INTERVAL_MS).toISOString(),
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { turn: Attributes?.turns as number };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const last = error.Item?.lastAt?.S;
      return { tooSoonAfter: last ? new Date(last) : now };
    }
  },
});
