import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One of each client per container, created on first use (the environment is read then). */
let lambda: LambdaClient | undefined;
let events: EventBridgeClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

export const lambdaClient = () => {
  lambda ??= new LambdaClient({});
  return lambda;
};
export const eventBridgeClient = () => {
  events ??= new EventBridgeClient({});
  return events;
};
export const documentClient = () => {
  documents ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documents;
};

export const logger = new Logger({ serviceName: 'payments' });
