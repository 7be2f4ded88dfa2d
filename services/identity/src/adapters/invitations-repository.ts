import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { InvitationRecord } from '../domain/membership.ts';
import { asRecord, readItem, writeOnce } from './stored-items.ts';
import { INVITATIONS_BY_EMAIL_INDEX, invitationKey } from './table-keys.ts';

/** Invitations beside their business, found by the invited email through a sparse index. */
export const invitationsRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = (businessId: string, invitationId: string) =>
    readItem<InvitationRecord>(db, tableName, invitationKey(businessId, invitationId));

  return {
    find,

    /** Writes the invitation unless its business already invited the email; answers the stored one. */
    async create(invitation: InvitationRecord) {
      const key = invitationKey(invitation.businessId, invitation.invitationId);
      const { stored, created } = await writeOnce(db, tableName, key, 'invitation', invitation, {
        invitee: invitation.email,
      });
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
      return Items.map((item) => asRecord<InvitationRecord>(item));
    },
  };
};
