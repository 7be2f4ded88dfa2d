import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventCancellation } from '@mytabs/contracts';
import { eventKey } from './table-keys.ts';

const lost = (error: unknown) => {
  if (error instanceof ConditionalCheckFailedException) return false;
  throw error;
};

/** An event's cancellation on its own item: the status, and the progress the workflow reports. */
export const eventCancellations = (db: DynamoDBDocumentClient, tableName: string) => ({
  /**
   * Published → CANCELED, out of the public listing, in one conditional write: of two concurrent
   * cancellations one wins (true), and the other reads what it wrote.
   */
  async cancel(eventId: string, cancellation: EventCancellation) {
    return db
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: eventKey(eventId),
          UpdateExpression: 'SET #status = :canceled, cancellation = :cancellation REMOVE listing',
          ConditionExpression: '#status = :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':canceled': 'CANCELED',
            ':published': 'published',
            ':cancellation': cancellation,
          },
        }),
      )
      .then(() => true, lost);
  },
  /**
   * The workflow's progress. It only moves forward: a redriven run counting again from the first
   * page leaves the furthest count in place, and the end, once recorded, stays.
   */
  async recordProgress(
    eventId: string,
    progress: { ordersDone: number; ordersTotal: number; finishedAt?: string },
  ) {
    return db
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: eventKey(eventId),
          UpdateExpression: `SET cancellation.ordersDone = :done, cancellation.ordersTotal = :total${
            progress.finishedAt ? ', cancellation.finishedAt = :finished' : ''
          }`,
          ConditionExpression:
            '#status = :canceled AND cancellation.ordersDone <= :done AND attribute_not_exists(cancellation.finishedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':canceled': 'CANCELED',
            ':done': progress.ordersDone,
            ':total': progress.ordersTotal,
            ...(progress.finishedAt && { ':finished': progress.finishedAt }),
          },
        }),
      )
      .then(() => true, lost);
  },
});
