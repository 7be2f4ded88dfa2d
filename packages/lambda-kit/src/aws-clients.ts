import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from './observability.ts';

/**
 * One traced client of each AWS service per container, created on first use, so the environment
 * (`AWS_ENDPOINT_URL` locally, the region on AWS) is read at run time and X-Ray sees every call.
 */
const once = <T>(create: () => T) => {
  let client: T | undefined;
  return () => {
    client ??= create();
    return client;
  };
};

export const lambdaClient = once(() => traced(new LambdaClient({})));
export const eventBridgeClient = once(() => traced(new EventBridgeClient({})));
export const sfnClient = once(() => traced(new SFNClient({})));
export const sesClient = once(() => traced(new SESv2Client({})));
/** DynamoDB items as plain objects; `undefined` attributes are left out rather than refused. */
export const documentClient = once(() =>
  DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);
