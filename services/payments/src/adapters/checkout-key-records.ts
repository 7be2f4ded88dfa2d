import type { CreatePaymentIntentResponse } from '@mytabs/contracts';
import { putRecordOnce, updateRecord } from './payments-table.ts';

/**
 * One Idempotency-Key of createPaymentIntent, for good: the order it stands for and, once done,
 * its answer. Powertools' records guard requests in flight and expire; this one lets a retry
 * after a crash, or after those expired, continue the same order.
 */
export interface CheckoutKeyRecord {
  requestFingerprint: string;
  orderId: string;
  response?: CreatePaymentIntentResponse;
  /** A refused hold is the key's final answer, as Stripe replays an error under its key. */
  refusal?: { status: number; detail: string; extra: Record<string, unknown> };
}

export const checkoutKeys = {
  claim: (key: string, record: CheckoutKeyRecord) => putRecordOnce(`idem#${key}`, record),
  complete: (key: string, response: CreatePaymentIntentResponse) =>
    updateRecord(`idem#${key}`, { response }),
  refuse: (key: string, refusal: NonNullable<CheckoutKeyRecord['refusal']>) =>
    updateRecord(`idem#${key}`, { refusal }),
};
