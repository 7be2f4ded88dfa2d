import { EventPublished } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { PublishedEvent } from '../domain/published-event.ts';

/** An event went on sale: orders learns its business and currency, for its organizers' views. */
export const handler = eventHandler([EventPublished], async ({ data }) => {
  await repositories().eventOrders.recordEvent(
    // Its ticket types (one at least) are priced in the event's currency.
    PublishedEvent.parse({
      eventId: data.eventId,
      eventBusinessId: data.businessId,
      currency: data.ticketTypes[0]?.currency,
    }),
  );
});
