import { BusinessId, Currency, EventId } from '@mytabs/contracts';
import * as z from 'zod';

/** What orders keeps of an event's EventPublished: whose it is, and its currency. */
export const PublishedEvent = z.object({
  eventId: EventId,
  eventBusinessId: BusinessId,
  currency: Currency,
});
export type PublishedEvent = z.infer<typeof PublishedEvent>;
