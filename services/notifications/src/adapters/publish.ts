import type { EventEntry } from '@mytabs/contracts';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { readEnv } from '../config.ts';
import { eventBridgeClient } from './aws-clients.ts';

/** Puts notifications' domain events on the bus its manifest grants. */
export const publish = (...entries: EventEntry[]) =>
  publishEvents(eventBridgeClient(), readEnv().EVENT_BUS_NAME, entries);
