import { getRecord, putRecordOnce } from './payments-table.ts';

/**
 * A domain event (by idempotency key) that is on the bus: Stripe sends one change under several
 * event ids, and this keeps the second from publishing the fact again.
 */
export const publishedFacts = {
  seen: async (idempotencyKey: string) => (await getRecord(`fact#${idempotencyKey}`)) !== undefined,
  record: (idempotencyKey: string, stripeEventId: string) =>
    putRecordOnce(`fact#${idempotencyKey}`, { idempotencyKey, stripeEventId }),
};
