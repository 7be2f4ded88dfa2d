import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';

/** One of each client per container, created on first use (the environment is read then). */
let lambda: LambdaClient | undefined;
let events: EventBridgeClient | undefined;
let sfn: SFNClient | undefined;

export const lambdaClient = () => {
  lambda ??= new LambdaClient({});
  return lambda;
};
export const eventBridgeClient = () => {
  events ??= new EventBridgeClient({});
  return events;
};
export const sfnClient = () => {
  sfn ??= new SFNClient({});
  return sfn;
};

export const logger = new Logger({ serviceName: 'orders' });
