import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TemplateName } from '../domain/email-message.ts';
import type { EmailRecord, EmailRecordsPort } from '../domain/ports.ts';

/** `email#<orderId>#<template>`: one per email the service ever sends, never expiring. */
const emailKey = (orderId: string, template: TemplateName) => ({
  pk: `email#${orderId}#${template}`,
  sk: 'EMAIL',
});

const toRecord = (item: Record<string, unknown>): EmailRecord => ({
  orderId: item.orderId as string,
  template: item.template as TemplateName,
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
  const find = async (orderId: string, template: TemplateName) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: emailKey(orderId, template),
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
            Item: { ...emailKey(record.orderId, record.template), type: 'email', ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'claimed';
      } catch (error) {
        ignoreConditionFailure(error);
        const stored = await find(record.orderId, record.template);
        if (!stored) throw error;
        return stored;
      }
    },
    async retake(record, leaseUntil) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: emailKey(record.orderId, record.template),
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
    async releaseLease(orderId, template, now) {
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: emailKey(orderId, template),
            UpdateExpression: 'SET leaseUntil = :now',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now, ':sending': 'sending' },
          }),
        )
        .catch(ignoreConditionFailure);
    },
    async markSent(orderId, template, messageId) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: emailKey(orderId, template),
          UpdateExpression: 'SET #status = :sent, messageId = :id REMOVE failure',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
        }),
      );
    },
    async markFailed(orderId, template, failure) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: emailKey(orderId, template),
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
