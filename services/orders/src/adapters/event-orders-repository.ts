import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { cursorKeyPart, decodeCursor, encodeCursor, putOnce } from '@mytabs/lambda-kit';
import * as z from 'zod';
import type { EventOrdersFilter } from '../domain/event-orders-filter.ts';
import { Order } from '../domain/order.ts';
import { PublishedEvent } from '../domain/published-event.ts';
import { BY_EVENT_INDEX, eventBusinessKey } from './table-keys.ts';

const createdCondition = ({ createdFrom, createdTo }: EventOrdersFilter) => {
  if (createdFrom && createdTo) return ' AND createdAt BETWEEN :from AND :to';
  if (createdFrom) return ' AND createdAt >= :from';
  if (createdTo) return ' AND createdAt <= :to';
  return '';
};

/** Status and buyer are not keys of the index: DynamoDB filters the page it read. */
const filterExpression = ({ status, buyerEmail }: EventOrdersFilter) => {
  const terms = [
    ...(status ? ['#status = :status'] : []),
    ...(buyerEmail ? ['buyerEmail = :buyerEmail'] : []),
  ];
  return terms.length ? terms.join(' AND ') : undefined;
};

/** An event's orders through the `byEvent` index, and which business the event belongs to. */
export const eventOrdersRepository = (db: DynamoDBDocumentClient, tableName: string) => ({
  async eventOf(eventId: string) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: eventBusinessKey(eventId) }),
    );
    return Item ? PublishedEvent.parse(Item) : undefined;
  },
  async recordEvent(event: PublishedEvent) {
    return putOnce(db, tableName, { ...eventBusinessKey(event.eventId), ...event });
  },
  /** How many orders the event has: the index's item count, page by page (no item is read). */
  async count(eventId: string) {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const { Count = 0, LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: BY_EVENT_INDEX,
          KeyConditionExpression: 'eventId = :eventId',
          ExpressionAttributeValues: { ':eventId': eventId },
          Select: 'COUNT',
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      total += Count;
      start = LastEvaluatedKey;
    } while (start);
    return total;
  },
  /**
   * Newest first. A page may hold fewer orders than `limit`, or none, while `next` is given: the
   * filter runs after the read, and the cursor goes on from the last order read, kept or not.
   */
  async list(eventId: string, filter: EventOrdersFilter, limit: number, cursor?: string) {
    const filtered = filterExpression(filter);
    const { Items = [], LastEvaluatedKey } = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: BY_EVENT_INDEX,
        KeyConditionExpression: `eventId = :eventId${createdCondition(filter)}`,
        ...(filtered && { FilterExpression: filtered }),
        ...(filter.status && { ExpressionAttributeNames: { '#status': 'status' } }),
        ExpressionAttributeValues: {
          ':eventId': eventId,
          ...(filter.createdFrom && { ':from': filter.createdFrom }),
          ...(filter.createdTo && { ':to': filter.createdTo }),
          ...(filter.status && { ':status': filter.status }),
          ...(filter.buyerEmail && { ':buyerEmail': filter.buyerEmail }),
        },
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor && {
          ExclusiveStartKey: decodeCursor(
            cursor,
            z.strictObject({
              pk: cursorKeyPart,
              sk: cursorKeyPart,
              eventId: z.literal(eventId),
              createdAt: cursorKeyPart,
            }),
          ),
        }),
      }),
    );
    return {
      items: Items.map((item) => Order.parse(item)),
      ...(LastEvaluatedKey && { next: encodeCursor(LastEvaluatedKey) }),
    };
  },
});
