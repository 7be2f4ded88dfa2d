import type { EventEntry } from '@mytabs/contracts';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { env } from '../config.ts';
import { eventBridgeClient } from './aws-clients.ts';

/** Puts payments' domain events on the bus its manifest grants; throws unless all went through. */
export const publish = (entries: readonly EventEntry[]) =>
  publishEvents(eventBridgeClient(), env('EVENT_BUS_NAME'), entries);
