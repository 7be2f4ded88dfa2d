import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';
import type { TicketsPort } from '../domain/ports.ts';
import { byPosition, type IssuedTicket, type VoidReason } from '../domain/ticket.ts';
import { ticketKey, voidAnnouncerKey, voidKey } from './table-keys.ts';

const toTicket = (item: Record<string, unknown>): IssuedTicket => ({
  ticketId: item.ticketId as string,
  orderId: item.orderId as string,
  eventId: item.eventId as string,
  businessId: item.businessId as string,
  ticketTypeId: item.ticketTypeId as string,
  line: item.line as number,
  unit: item.unit as number,
  attendee: item.attendee as IssuedTicket['attendee'],
  qr: item.qr as string,
  ...(typeof item.generation === 'number' && { generation: item.generation }),
  ...(item.reissuedBy !== undefined && {
    reissuedBy: item.reissuedBy as NonNullable<IssuedTicket['reissuedBy']>,
  }),
});

/** Tickets, each written once (`attribute_not_exists`): issuing again changes nothing. */
export const ticketsRepository = (db: DynamoDBDocumentClient, tableName: string): TicketsPort => ({
  async put(tickets) {
    for (const ticket of tickets) {
      const key = ticketKey(ticket.orderId, ticket.ticketId);
      await putOnce(db, tableName, { ...key, type: 'ticket', ...ticket });
    }
  },
  async listForOrder(orderId) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ticket)',
          ExpressionAttributeValues: { ':pk': `TICKETS#${orderId}`, ':ticket': 'TICKET#' },
          ConsistentRead: true,
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.map(toTicket).sort(byPosition);
  },
  async find(orderId, ticketId) {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: ticketKey(orderId, ticketId),
        ConsistentRead: true,
      }),
    );
    return Item && toTicket(Item);
  },
  async reissue(from, next) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ticketKey(from.orderId, from.ticketId),
          UpdateExpression: 'SET qr = :qr, generation = :next, reissuedBy = :by',
          ConditionExpression: from.generation
            ? 'generation = :current'
            : 'attribute_exists(pk) AND attribute_not_exists(generation)',
          ExpressionAttributeValues: {
            ':qr': next.qr,
            ':next': next.generation,
            ':by': next.reissuedBy,
            ...(from.generation && { ':current': from.generation }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
  async voidOrder(orderId, reason, at) {
    return putOnce(db, tableName, {
      ...voidKey(orderId),
      type: 'void',
      orderId,
      reason,
      voidedAt: at,
    });
  },
  async claimVoidAnnouncement(orderId, by) {
    if (
      await putOnce(db, tableName, { ...voidAnnouncerKey(orderId), type: 'void-announcer', by })
    ) {
      return true;
    }
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: voidAnnouncerKey(orderId),
        ConsistentRead: true,
      }),
    );
    return Item?.by === by;
  },
  async voidedBecause(orderId) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: voidKey(orderId), ConsistentRead: true }),
    );
    return Item?.reason as VoidReason | undefined;
  },
});
