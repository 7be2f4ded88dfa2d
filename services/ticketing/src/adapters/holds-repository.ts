import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Hold, HoldState } from '../domain/hold.ts';
import type { ClaimableHoldsPort } from '../domain/ports.ts';
import { ACTIVE, ACTIVE_HOLDS_INDEX, holdKey } from './table-keys.ts';

const toHold = (item: Record<string, unknown>): Hold => ({
  orderId: item.orderId as string,
  eventId: item.eventId as string,
  lines: item.lines as Hold['lines'],
  expiresAt: item.expiresAt as string,
  state: item.state as HoldState,
  createdAt: item.createdAt as string,
  ...(typeof item.settledAt === 'string' && { settledAt: item.settledAt }),
});

/** An active hold is swept from its expiry on, unless the sweeper already set a later time. */
const SWEEP_FROM_EXPIRY = 'sweepAt = if_not_exists(sweepAt, expiresAt)';

/**
 * Hold records. An active hold carries `holdState = active`, which puts it in the sparse index
 * the sweeper reads by expiry; any other state removes it from there.
 */
export const holdsRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = async (orderId: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: holdKey(orderId), ConsistentRead: true }),
    );
    return Item ? toHold(Item) : undefined;
  };

  const port: ClaimableHoldsPort & {
    listExpired(now: Date, limit: number): Promise<Hold[]>;
    deferSweep(orderId: string, until: Date): Promise<void>;
  } = {
    find,
    async create(hold) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...holdKey(hold.orderId),
              type: 'hold',
              ...hold,
              ...(hold.state === 'active' && { holdState: ACTIVE, sweepAt: hold.expiresAt }),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return hold;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const stored = await find(hold.orderId);
        if (!stored) throw error;
        return stored;
      }
    },
    async setState(orderId, state) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: holdKey(orderId),
          UpdateExpression:
            state === 'active'
              ? `SET #state = :s, holdState = :a, ${SWEEP_FROM_EXPIRY}`
              : 'SET #state = :s REMOVE holdState',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':s': state, ...(state === 'active' && { ':a': ACTIVE }) },
        }),
      );
    },
    async transition(orderId, from, to, lines) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: holdKey(orderId),
            UpdateExpression: [
              `SET #state = :to${lines ? ', #lines = :lines' : ''}${to === 'active' ? `, holdState = :a, ${SWEEP_FROM_EXPIRY}` : ''}`,
              ...(to === 'active' ? [] : ['REMOVE holdState']),
            ].join(' '),
            ConditionExpression: '#state = :from',
            ExpressionAttributeNames: { '#state': 'state', ...(lines && { '#lines': 'lines' }) },
            ExpressionAttributeValues: {
              ':from': from,
              ':to': to,
              ...(lines && { ':lines': lines }),
              ...(to === 'active' && { ':a': ACTIVE }),
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async markSettled(orderId, at) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: holdKey(orderId),
          UpdateExpression: 'SET settledAt = if_not_exists(settledAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },
    async listExpired(now, limit) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: ACTIVE_HOLDS_INDEX,
          KeyConditionExpression: 'holdState = :a AND sweepAt <= :now',
          ExpressionAttributeValues: { ':a': ACTIVE, ':now': now.toISOString() },
          Limit: limit,
        }),
      );
      return Items.map(toHold);
    },
    /**
     * Once HoldExpired is on the bus, the sweeper looks at the hold again only at `until`: if it
     * is still active then (its PaymentIntent's cancel failed for good, or its release did), it
     * is reported again, so no hold stays off sale for ever. Seats stay held meanwhile.
     */
    async deferSweep(orderId, until) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: holdKey(orderId),
            UpdateExpression: 'SET sweepAt = :until',
            ConditionExpression: 'holdState = :a',
            ExpressionAttributeValues: { ':a': ACTIVE, ':until': until.toISOString() },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
  return port;
};
