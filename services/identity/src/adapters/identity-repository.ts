import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Business, Membership } from '@mytabs/contracts';
import { putOnce } from '@mytabs/lambda-kit';
import type { UserRecord } from '../domain/user-record.ts';

const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
const memberKey = (userId: string, businessId: string) => ({
  pk: `USER#${userId}`,
  sk: `MEMBER#${businessId}`,
});
const businessKey = (businessId: string) => ({ pk: `BUSINESS#${businessId}`, sk: 'BUSINESS' });

/**
 * Users, businesses and memberships in identity's table. A user's profile and memberships share
 * the user's partition, so the authorizer reads who they are with one Query.
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
      }),
    );
    const profile = Items.find((i) => i.sk === 'PROFILE') as UserRecord | undefined;
    const memberships: Membership[] = Items.filter((i) => i.type === 'membership').map((i) => ({
      businessId: i.businessId as string,
      role: i.role as Membership['role'],
    }));
    return { profile, memberships };
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

  /** The business first, then its owner's membership: a membership never points at nothing. */
  async createBusiness(business: Business) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...businessKey(business.businessId), type: 'business', ...business },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...memberKey(business.ownerUserId, business.businessId),
          type: 'membership',
          businessId: business.businessId,
          userId: business.ownerUserId,
          role: 'owner',
        },
      }),
    );
  },

  async readBusiness(businessId: string): Promise<Business | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: businessKey(businessId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk, sk, type, ...business } = Item;
    return business as Business;
  },
});
