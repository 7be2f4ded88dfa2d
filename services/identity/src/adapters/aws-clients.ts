import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventEntry } from '@mytabs/contracts';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { need, readEnv } from '../config.ts';
import { documentClient } from './document-client.ts';
import { identityRepository } from './identity-repository.ts';

let events: EventBridgeClient | undefined;

export const logger = new Logger({ serviceName: 'identity' });

export const repository = () =>
  identityRepository(documentClient(), need(readEnv().TABLE_NAME, 'TABLE_NAME'));

/** Puts identity's domain events on the bus its manifest grants. */
export const publish = (...entries: EventEntry[]) => {
  events ??= new EventBridgeClient({});
  return publishEvents(events, need(readEnv().EVENT_BUS_NAME, 'EVENT_BUS_NAME'), entries);
};
