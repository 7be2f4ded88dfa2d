import type { EventEntry } from '@mytabs/contracts';
import { publishEvents } from '@mytabs/contracts/runtime/publish-events';
import { z } from 'zod';
import { eventBridgeClient } from './aws-clients.ts';

const BusEnv = z.object({ EVENT_BUS_NAME: z.string().min(1) });

/** Puts ticketing's domain events on the bus its manifest grants. */
export const publish = (...entries: EventEntry[]) =>
  publishEvents(eventBridgeClient(), BusEnv.parse(process.env).EVENT_BUS_NAME, entries);
