import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Role } from '@mytabs/contracts';
import type { InvitationRecord, MembershipRecord } from '../domain/membership.ts';
import { asRecord, readItem, writeOnce } from './stored-items.ts';
import { BY_BUSINESS_INDEX, businessKey, memberKey } from './table-keys.ts';

/**
 * Memberships, and the business's set of owners that keeps one owner at least. The set is
 * changed only by conditional writes on the business item, never in a transaction, in an order
 * that keeps every owner it counts an owner: a promotion writes the membership, then counts it;
 * a demotion or removal uncounts first (refused if it is the last), then writes the membership.
 * A crash in between leaves an owner uncounted, which refuses more than it must, never less; the
 * request's retry counts again.
 */
export const membershipsRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = (businessId: string, userId: string) =>
    readItem<MembershipRecord>(db, tableName, memberKey(userId, businessId));

  return {
    find,

    /** Starts the membership unless the user has one in the business; answers the stored one. */
    async add(membership: MembershipRecord) {
      const key = memberKey(membership.userId, membership.businessId);
      const { stored, created } = await writeOnce(db, tableName, key, 'membership', membership);
      return { membership: stored, created };
    },

    /** The new role, if the membership is still as read; undefined if it changed meanwhile. */
    async changeRole(current: MembershipRecord, role: Role, by: string) {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: memberKey(current.userId, current.businessId),
            UpdateExpression:
              'SET #role = :role, previousRole = :previous, roleChangedBy = :by, roleChanges = :next',
            ConditionExpression: '#role = :previous AND roleChanges = :changes',
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: {
              ':role': role,
              ':previous': current.role,
              ':by': by,
              ':changes': current.roleChanges,
              ':next': current.roleChanges + 1,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? asRecord<MembershipRecord>(Attributes) : undefined;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    async remove(businessId: string, userId: string) {
      await db.send(
        new DeleteCommand({ TableName: tableName, Key: memberKey(userId, businessId) }),
      );
    },

    /** The business's memberships and open invitations, every page. */
    async team(businessId: string) {
      const memberships: MembershipRecord[] = [];
      const invitations: InvitationRecord[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: BY_BUSINESS_INDEX,
            KeyConditionExpression: 'businessId = :b',
            ExpressionAttributeValues: { ':b': businessId },
            ...(start && { ExclusiveStartKey: start }),
          }),
        );
        for (const item of page.Items ?? []) {
          if (item.type === 'membership') memberships.push(asRecord(item));
          if (item.type === 'invitation') invitations.push(asRecord(item));
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return { memberships, invitations };
    },

    /** Counts an owner (a set: counting twice is counting once). */
    async countOwner(businessId: string, userId: string) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: businessKey(businessId),
          UpdateExpression: 'ADD owners :user',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':user': new Set([userId]) },
        }),
      );
    },

    /**
     * Stops counting an owner unless they are the last one counted: `last-owner` then. A business
     * without a count (made before owners were counted) refuses too.
     */
    async uncountOwner(businessId: string, userId: string): Promise<'uncounted' | 'last-owner'> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: businessKey(businessId),
            UpdateExpression: 'DELETE owners :user',
            ConditionExpression: 'contains(owners, :id) AND size(owners) > :one',
            ExpressionAttributeValues: { ':user': new Set([userId]), ':id': userId, ':one': 1 },
          }),
        );
        return 'uncounted';
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const business = await readItem<{ owners?: Set<string> }>(
        db,
        tableName,
        businessKey(businessId),
      );
      const owners = business?.owners;
      // Not counted any more: a retry of a demotion or removal whose first attempt uncounted it.
      return owners && !owners.has(userId) ? 'uncounted' : 'last-owner';
    },
  };
};
