import { eventHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { HISTORY_FACTS, historyEntryOf } from '../domain/order-history.ts';

/** A refund, a check-in or an email of an order, kept once for its organizers' view. */
export const handler = eventHandler(HISTORY_FACTS, async ({ metadata, data }, event) => {
  // Emails about no order (an invitation) are no order's history.
  if (!data.orderId) return;
  const { entryId, entry } = historyEntryOf(event['detail-type'], data, metadata.occurredAt);
  await repositories().history.record(data.orderId, entryId, entry);
});
