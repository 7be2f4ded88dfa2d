import { EventPublished } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';

/** An event went on sale: orders learns its business, to show its orders to its organizers. */
export const handler = eventHandler([EventPublished], async ({ data }) => {
  await repositories().eventOrders.recordBusiness(data.eventId, data.businessId);
});
