import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TicketType } from '@mytabs/contracts';
import { cursorKeyPart, decodeCursor, encodeCursor } from '@mytabs/lambda-kit';
import * as z from 'zod';
import type { EventRecord } from '../domain/event-record.ts';
import type { CatalogPort } from '../domain/ports.ts';
import {
  BY_BUSINESS_INDEX,
  eventKey,
  PUBLISHED,
  PUBLISHED_EVENTS_INDEX,
  ticketTypeKey,
} from './table-keys.ts';

/** The sort key of an event's own item (its ticket types share its partition). */
const EVENT_SK = eventKey('').sk;

const strip = <T extends Record<string, unknown>>(item: T) => {
  const { pk, sk, type, listing, holds, position, ...rest } = item;
  return rest;
};

/** Where a page of the public listing's index stopped. */
const listingCursor = z.strictObject({
  pk: cursorKeyPart,
  sk: cursorKeyPart,
  listing: z.literal(PUBLISHED),
  startsAt: cursorKeyPart,
});

/** Ticket types in the order the organizer created them; ids break a tie of two created at once. */
const byPosition = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(a.position ?? 0) - Number(b.position ?? 0) ||
  String(a.ticketTypeId).localeCompare(String(b.ticketTypeId));

/** Events and their ticket types: one partition per event, read in one consistent Query. */
export const catalogRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const readEvent = async (eventId: string) => {
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': eventKey(eventId).pk },
        ConsistentRead: true,
      }),
    );
    const event = Items.find((i) => i.type === 'event');
    if (!event) return undefined;
    const ticketTypes = Items.filter((i) => i.type === 'ticketType')
      .sort(byPosition)
      .map((i) => strip(i) as unknown as TicketType);
    return { event: strip(event) as unknown as EventRecord, ticketTypes };
  };

  /** Published events carry `listing`, which puts them in the public listing's sparse index. */
  const writeEvent = async (event: EventRecord, condition: string) => {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...eventKey(event.eventId),
          type: 'event',
          ...event,
          ...(event.status === 'published' && { listing: PUBLISHED }),
        },
        ConditionExpression: condition,
      }),
    );
  };

  /** One page of event ids from an index; the cursor must have exactly that index's key shape. */
  const eventPage = async (
    query: {
      index: string;
      condition: string;
      values: Record<string, string>;
      cursorKey: z.ZodType<Record<string, string>>;
    },
    limit: number,
    cursor: string | undefined,
  ) => {
    const { Items = [], LastEvaluatedKey } = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.index,
        KeyConditionExpression: query.condition,
        ExpressionAttributeValues: query.values,
        Limit: limit,
        ...(cursor && { ExclusiveStartKey: decodeCursor(cursor, query.cursorKey) }),
      }),
    );
    return {
      eventIds: Items.map((i) => i.eventId as string),
      ...(LastEvaluatedKey && { next: encodeCursor(LastEvaluatedKey) }),
    };
  };

  const port: CatalogPort & {
    readEvent: typeof readEvent;
    putEvent(event: EventRecord): Promise<void>;
    updateEvent(event: EventRecord): Promise<void>;
    /** `position`: how many ticket types the event had before this one. */
    putTicketType(ticketType: TicketType, position: number): Promise<void>;
    listPublished(limit: number, cursor?: string): Promise<{ eventIds: string[]; next?: string }>;
    listStarting(
      window: { from: string; to: string },
      limit: number,
      cursor?: string,
    ): Promise<{ eventIds: string[]; next?: string }>;
    listForBusiness(
      businessId: string,
      limit: number,
      cursor?: string,
    ): Promise<{ eventIds: string[]; next?: string }>;
  } = {
    readEvent,
    findEvent: readEvent,
    /** A new event: refused if the id is taken. */
    putEvent: (event) => writeEvent(event, 'attribute_not_exists(pk)'),
    /** The whole event, replaced: refused if it does not exist. */
    updateEvent: (event) => writeEvent(event, 'attribute_exists(pk)'),
    async putTicketType(ticketType, position) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...ticketTypeKey(ticketType.eventId, ticketType.ticketTypeId),
            type: 'ticketType',
            ...ticketType,
            holds: {},
            position,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    listPublished: (limit, cursor) =>
      eventPage(
        {
          index: PUBLISHED_EVENTS_INDEX,
          condition: 'listing = :p',
          values: { ':p': PUBLISHED },
          cursorKey: listingCursor,
        },
        limit,
        cursor,
      ),
    /** Listed events starting in (from, to]: the listing index is sorted by start. */
    listStarting: ({ from, to }, limit, cursor) =>
      eventPage(
        {
          index: PUBLISHED_EVENTS_INDEX,
          condition: 'listing = :p AND startsAt BETWEEN :from AND :to',
          values: { ':p': PUBLISHED, ':from': from, ':to': to },
          cursorKey: listingCursor,
        },
        limit,
        cursor,
      ),
    /** A business's events, drafts included: its items in the business index whose sk is EVENT. */
    listForBusiness: (businessId, limit, cursor) =>
      eventPage(
        {
          index: BY_BUSINESS_INDEX,
          condition: 'businessId = :b AND sk = :sk',
          values: { ':b': businessId, ':sk': EVENT_SK },
          cursorKey: z.strictObject({
            pk: cursorKeyPart,
            sk: z.literal(EVENT_SK),
            businessId: z.literal(businessId),
          }),
        },
        limit,
        cursor,
      ),
  };
  return port;
};
