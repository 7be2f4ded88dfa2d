import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { InvitationRecord } from '../domain/membership.ts';
import { INVITATIONS_BY_EMAIL_INDEX, invitationKey } from './table-keys.ts';
import { writeOnce } from './write-once.ts';

const strip = (item: Record<string, unknown>) => {
  const { pk, sk, type, invitee, ...rest } = item;
  return rest as unknown as InvitationRecord;
};

/** Invitations beside their business, found by the invited email through a sparse index. */
export const invitationsRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = async (businessId: string, invitationId: string) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: invitationKey(businessId, invitationId),
        ConsistentRead: true,
      }),
    );
    return Item ? strip(Item) : undefined;
  };

  return {
    find,

    /** Writes the invitation unless its business already invited the email; answers the stored one. */
    async create(invitation: InvitationRecord) {
      const { stored, created } = await writeOnce(
        db,
        tableName,
        {
          ...invitationKey(invitation.businessId, invitation.invitationId),
          type: 'invitation',
          invitee: invitation.email,
          ...invitation,
        },
        invitation,
        () => find(invitation.businessId, invitation.invitationId),
      );
      return { invitation: stored, created };
    },

    async markSent(invitation: InvitationRecord, at: string) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: invitationKey(invitation.businessId, invitation.invitationId),
          UpdateExpression: 'SET emailSentAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    async remove(invitation: InvitationRecord) {
      await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: invitationKey(invitation.businessId, invitation.invitationId),
        }),
      );
    },

    /** Every business's open invitation of this (lower-cased) email. */
    async forEmail(email: string) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: INVITATIONS_BY_EMAIL_INDEX,
          KeyConditionExpression: 'invitee = :email',
          ExpressionAttributeValues: { ':email': email },
        }),
      );
      return Items.map(strip);
    },
  };
};
