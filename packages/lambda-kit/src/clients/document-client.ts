import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../tracing.ts';
import { oncePerContainer } from './once-per-container.ts';

/** The container's traced DynamoDB, items as plain objects; `undefined` attributes left out. */
export const documentClient = oncePerContainer(() =>
  DynamoDBDocumentClient.from(traced(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);
