import { eventHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { SALES_FACTS, salesChangeOf } from '../domain/sales-facts.ts';

/** Each fact that moves an event's figures, kept once by its idempotency key. */
export const handler = eventHandler(SALES_FACTS, async ({ metadata, data }, event) => {
  const { orders, sales } = repositories();
  const change = await salesChangeOf({ detailType: event['detail-type'], data }, orders.find);
  await sales.record(data.eventId, metadata.idempotencyKey, change);
});
