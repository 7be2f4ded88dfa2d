import { getRecord, putRecordOnce } from './payments-table.ts';

/** A Stripe event whose domain events are on the bus. Written last, so a failure makes Stripe retry. */
export const webhookEvents = {
  seen: async (stripeEventId: string) =>
    (await getRecord(`webhook#${stripeEventId}`)) !== undefined,
  record: (stripeEventId: string, type: string, receivedAt: string) =>
    putRecordOnce(`webhook#${stripeEventId}`, { stripeEventId, type, receivedAt }),
};
