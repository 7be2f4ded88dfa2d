import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SettlingInventoryPort } from '../domain/ports.ts';
import { ticketTypeKey } from './table-keys.ts';

/**
 * Seat counts on the ticket type item. A take is one conditional write that decrements
 * `available` and records `holds.<orderId>` together, so it counts once however often it is
 * retried; a give-back is its mirror image. No transactions: they contend on hot items.
 */
export const inventoryRepository = (
  db: DynamoDBDocumentClient,
  tableName: string,
): SettlingInventoryPort => ({
  async take(eventId, ticketTypeId, orderId, quantity) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ticketTypeKey(eventId, ticketTypeId),
          UpdateExpression: 'SET available = available - :n, holds.#order = :n',
          ConditionExpression: 'available >= :n AND attribute_not_exists(holds.#order)',
          ExpressionAttributeNames: { '#order': orderId },
          ExpressionAttributeValues: { ':n': quantity },
        }),
      );
      return 'taken';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Which half of the condition failed: the local DynamoDB cannot say, so read it back.
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: ticketTypeKey(eventId, ticketTypeId),
          ConsistentRead: true,
        }),
      );
      return Item?.holds?.[orderId] !== undefined ? 'already-taken' : 'insufficient';
    }
  },

  async giveBack(eventId, ticketTypeId, orderId) {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: ticketTypeKey(eventId, ticketTypeId),
        ConsistentRead: true,
      }),
    );
    const quantity = Item?.holds?.[orderId];
    if (typeof quantity !== 'number') return 'not-held';
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ticketTypeKey(eventId, ticketTypeId),
          UpdateExpression: 'SET available = available + :n REMOVE holds.#order',
          ConditionExpression: 'holds.#order = :n',
          ExpressionAttributeNames: { '#order': orderId },
          ExpressionAttributeValues: { ':n': quantity },
        }),
      );
      return 'returned';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not-held';
      throw error;
    }
  },

  async settle(eventId, ticketTypeId, orderId) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ticketTypeKey(eventId, ticketTypeId),
          UpdateExpression: 'REMOVE holds.#order',
          ConditionExpression: 'attribute_exists(holds.#order)',
          ExpressionAttributeNames: { '#order': orderId },
        }),
      );
      return 'settled';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not-held';
      throw error;
    }
  },
});
