import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { cursorKeyPart, decodeCursor, encodeCursor, putOnce } from '@mytabs/lambda-kit';
import * as z from 'zod';
import type { AttendeeRecord } from '../domain/attendee.ts';
import type { AttendeesPort } from '../domain/ports.ts';
import { attendeeKey } from './table-keys.ts';

const toAttendee = (item: Record<string, unknown>): AttendeeRecord => ({
  ticketId: item.ticketId as string,
  ticketTypeId: item.ticketTypeId as string,
  orderId: item.orderId as string,
  eventId: item.eventId as string,
  businessId: item.businessId as string,
  name: item.name as string,
  email: item.email as string,
  checkedIn: item.checkedIn === true,
  ...(typeof item.checkedInAt === 'string' && { checkedInAt: item.checkedInAt }),
  ...(typeof item.checkedInBy === 'string' && { checkedInBy: item.checkedInBy }),
});

/**
 * An event's attendee list, one item per ticket. A check-in is one conditional write on it
 * (`checkedIn = false`), so two scanners at two doors cannot both admit the same ticket.
 */
export const attendeesRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = async (eventId: string, ticketId: string) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: attendeeKey(eventId, ticketId),
        ConsistentRead: true,
      }),
    );
    return Item ? toAttendee(Item) : undefined;
  };

  const port: AttendeesPort & {
    list(
      eventId: string,
      limit: number,
      cursor?: string,
    ): Promise<{ items: AttendeeRecord[]; next?: string }>;
  } = {
    async record(attendees) {
      let recorded = 0;
      for (const attendee of attendees) {
        const item = { ...attendeeKey(attendee.eventId, attendee.ticketId), type: 'attendee' };
        if (await putOnce(db, tableName, { ...item, ...attendee })) recorded++;
      }
      return recorded;
    },
    async checkIn(eventId, ticketId, by, at) {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: attendeeKey(eventId, ticketId),
            UpdateExpression: 'SET checkedIn = :yes, checkedInAt = :at, checkedInBy = :by',
            ConditionExpression: 'attribute_exists(pk) AND checkedIn = :no',
            ExpressionAttributeValues: { ':yes': true, ':no': false, ':at': at, ':by': by },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { outcome: 'checked-in', attendee: toAttendee(Attributes ?? {}) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const attendee = await find(eventId, ticketId);
        return attendee
          ? { outcome: 'already-checked-in', attendee }
          : { outcome: 'unknown-ticket' };
      }
    },
    async list(eventId, limit, cursor) {
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `ATTENDEES#${eventId}` },
          Limit: limit,
          ...(cursor && {
            ExclusiveStartKey: decodeCursor(
              cursor,
              z.strictObject({ pk: z.literal(`ATTENDEES#${eventId}`), sk: cursorKeyPart }),
            ),
          }),
        }),
      );
      return {
        items: Items.map(toAttendee),
        ...(LastEvaluatedKey && { next: encodeCursor(LastEvaluatedKey) }),
      };
    },
  };
  return port;
};
