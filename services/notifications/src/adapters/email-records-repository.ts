import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EmailKey, TemplateName } from '../domain/email-message.ts';
import type { EmailRecord, EmailRecordsPort } from '../domain/ports.ts';

/**
 * `email#<orderId>#<template>`, and `#<fact>` for a template an order gets once per fact: one
 * item per email the service ever sends, never expiring.
 */
const emailKey = ({ orderId, template, fact }: EmailKey) => ({
  pk: `email#${orderId}#${template}${fact ? `#${fact}` : ''}`,
  sk: 'EMAIL',
});

const toRecord = (item: Record<string, unknown>): EmailRecord => ({
  orderId: item.orderId as string,
  template: item.template as TemplateName,
  ...(typeof item.fact === 'string' && { fact: item.fact }),
  businessId: item.businessId as string,
  message: item.message as EmailRecord['message'],
  status: item.status as EmailRecord['status'],
  leaseUntil: item.leaseUntil as string,
  attempts: item.attempts as number,
  ...(typeof item.messageId === 'string' && { messageId: item.messageId }),
  ...(typeof item.failure === 'string' && { failure: item.failure }),
});

const ignoreConditionFailure = (error: unknown) => {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
};

export const emailRecordsRepository = (
  db: DynamoDBDocumentClient,
  tableName: string,
): EmailRecordsPort => {
  const find = async (key: EmailKey) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: emailKey(key),
        ConsistentRead: true,
      }),
    );
    return Item ? toRecord(Item) : undefined;
  };

  return {
    find,
    async claim(record) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...emailKey(record), type: 'email', ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'claimed';
      } catch (error) {
        ignoreConditionFailure(error);
        const stored = await find(record);
        if (!stored) throw error;
        return stored;
      }
    },
    async retake(record, leaseUntil) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: emailKey(record),
            UpdateExpression: 'SET #status = :sending, leaseUntil = :lease ADD attempts :one',
            ConditionExpression: '#status = :was AND leaseUntil = :wasLease',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':lease': leaseUntil,
              ':one': 1,
              ':was': record.status,
              ':wasLease': record.leaseUntil,
            },
          }),
        );
        return true;
      } catch (error) {
        ignoreConditionFailure(error);
        return false;
      }
    },
    async releaseLease(key, now) {
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: emailKey(key),
            UpdateExpression: 'SET leaseUntil = :now',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now, ':sending': 'sending' },
          }),
        )
        .catch(ignoreConditionFailure);
    },
    async markSent(key, messageId) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: emailKey(key),
          UpdateExpression: 'SET #status = :sent, messageId = :id REMOVE failure',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
        }),
      );
    },
    async markFailed(key, failure) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: emailKey(key),
          UpdateExpression: 'SET #status = :failed, failure = :why',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':why': failure,
            ':sending': 'sending',
          },
        }),
      );
    },
  };
};
