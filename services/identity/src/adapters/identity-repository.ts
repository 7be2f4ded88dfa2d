import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Business, Membership } from '@mytabs/contracts';
import { putOnce } from '@mytabs/lambda-kit';
import { type MembershipRecord, newMembership } from '../domain/membership.ts';
import type { UserRecord } from '../domain/user-record.ts';
import { businessKey, memberKey, userKey } from './table-keys.ts';

/**
 * Users and businesses in identity's table. A user's profile, memberships and claimed emails
 * share the user's partition, so the authorizer reads who they are with one Query, consistently:
 * a membership removed or changed a moment ago is what the very next request sees.
 */
export const identityRepository = (db: DynamoDBDocumentClient, tableName: string) => ({
  /** Creates the profile once; a repeated confirmation leaves the first one as it is. */
  createUser: (user: UserRecord): Promise<boolean> =>
    putOnce(db, tableName, { ...userKey(user.userId), type: 'user', ...user }),

  async readUser(userId: string) {
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': userKey(userId).pk },
        ConsistentRead: true,
      }),
    );
    const profile = Items.find((i) => i.sk === 'PROFILE') as UserRecord | undefined;
    const memberships: Membership[] = Items.filter((i) => i.type === 'membership').map((i) => ({
      businessId: i.businessId as string,
      role: i.role as Membership['role'],
    }));
    /** Verified emails whose invitations this user has claimed. */
    const claimedEmails = Items.filter((i) => i.type === 'claimedEmail').map(
      (i) => i.email as string,
    );
    return { profile, memberships, claimedEmails };
  },

  async updateUser(userId: string, changes: { name?: string; phone?: string }) {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: userKey(userId),
        UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
      }),
    );
  },

  /**
   * The business first, holding its one owner, then the owner's membership: a membership never
   * points at nothing, and the owners the business counts are always owners.
   */
  async createBusiness(business: Business, ownerEmail: string | undefined) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...businessKey(business.businessId),
          type: 'business',
          ...business,
          owners: new Set([business.ownerUserId]),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    const membership: MembershipRecord = newMembership({
      businessId: business.businessId,
      userId: business.ownerUserId,
      role: 'owner',
      ...(ownerEmail && { email: ownerEmail }),
    });
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...memberKey(business.ownerUserId, business.businessId),
          type: 'membership',
          ...membership,
        },
      }),
    );
  },

  async readBusiness(businessId: string): Promise<Business | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: businessKey(businessId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk, sk, type, owners, ...business } = Item;
    return business as Business;
  },
});
