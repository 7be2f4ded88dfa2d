import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/** One of each client per container, created on first use (the environment is read then). */
let ses: SESv2Client | undefined;
let events: EventBridgeClient | undefined;

export const sesClient = () => {
  ses ??= new SESv2Client({});
  return ses;
};
export const eventBridgeClient = () => {
  events ??= new EventBridgeClient({});
  return events;
};

export const logger = new Logger({ serviceName: 'notifications' });
