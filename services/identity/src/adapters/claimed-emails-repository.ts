import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { readItem } from './stored-items.ts';
import { claimedEmailKey, emailOwnerKey } from './table-keys.ts';

/**
 * Which user holds each verified email (so an owner's addition finds them), and which emails a
 * user has claimed the invitations of (in their own partition, read with their memberships).
 */
export const claimedEmailsRepository = (db: DynamoDBDocumentClient, tableName: string) => ({
  async ownerOf(email: string) {
    return (await readItem<{ userId: string }>(db, tableName, emailOwnerKey(email)))?.userId;
  },

  /**
   * The user now holds this email, and no longer the ones they claimed before (an address they
   * changed away from may be someone else's next): those are let go unless another user took them.
   */
  async holdOnly(userId: string, email: string, before: readonly string[]) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...emailOwnerKey(email), type: 'emailOwner', userId },
      }),
    );
    for (const old of before.filter((e) => e !== email)) {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: emailOwnerKey(old),
            ConditionExpression: 'userId = :user',
            ExpressionAttributeValues: { ':user': userId },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      await db.send(new DeleteCommand({ TableName: tableName, Key: claimedEmailKey(userId, old) }));
    }
  },

  /** Written last: until it exists, the user's next request claims again (claims repeat safely). */
  async markClaimed(userId: string, email: string) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...claimedEmailKey(userId, email), type: 'claimedEmail', email },
      }),
    );
  },
});
