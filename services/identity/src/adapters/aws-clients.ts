import type { EventEntry } from '@mytabs/contracts';
import { documentClient, eventBridgeClient } from '@mytabs/contracts/runtime/aws-clients';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { need, readEnv } from '../config.ts';
import { identityRepository } from './identity-repository.ts';

export { logger } from '@mytabs/contracts/runtime/observability';

export const repository = () =>
  identityRepository(documentClient(), need(readEnv().TABLE_NAME, 'TABLE_NAME'));

/** Puts identity's domain events on the bus its manifest grants. */
export const publish = (...entries: EventEntry[]) =>
  publishEvents(eventBridgeClient(), need(readEnv().EVENT_BUS_NAME, 'EVENT_BUS_NAME'), entries);
