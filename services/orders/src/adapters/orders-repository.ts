import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Order } from '../domain/order.ts';
import { ConcurrentUpdate, type OrdersPort } from '../domain/ports.ts';
import { orderKey } from './table-keys.ts';

/** `buyerEmail` in lower case: what the organizer's filter by buyer compares with. */
const toItem = (order: Order) => ({
  ...orderKey(order.orderId),
  type: 'order',
  ...order,
  buyerEmail: order.buyer.email.toLowerCase(),
});

/** Order items, read consistently; every write conditional (new, or the version it read). */
export const ordersRepository = (db: DynamoDBDocumentClient, tableName: string): OrdersPort => {
  const find = async (orderId: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: orderKey(orderId), ConsistentRead: true }),
    );
    return Item ? Order.parse(Item) : undefined;
  };
  return {
    find,
    async create(order) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(order),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { order, created: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const stored = await find(order.orderId);
        if (!stored) throw error;
        return { order: stored, created: false };
      }
    },
    async save(order) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(order),
            ConditionExpression: '#version = :read',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':read': order.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdate(
            `order ${order.orderId} changed since version ${order.version - 1}`,
          );
        }
        throw error;
      }
    },
  };
};
