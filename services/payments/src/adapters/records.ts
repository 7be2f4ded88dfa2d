import type { CreatePaymentIntentResponse } from '@mytabs/contracts';
import type { TaxCalculationRecord } from '../domain/quote-acceptance.ts';
import { getRecord, putRecordOnce, updateRecord } from './payments-table.ts';

/** One Idempotency-Key of createPaymentIntent: the order it stands for and, once done, its answer. */
export interface IdempotencyRecord {
  requestFingerprint: string;
  orderId: string;
  response?: CreatePaymentIntentResponse;
  /** A refused hold is the key's final answer, as Stripe replays an error under its key. */
  refusal?: { status: number; detail: string; extra: Record<string, unknown> };
}

/** The order's PaymentIntent: what cancel, refund and the tax commit look up by order id. */
export interface PaymentRecord {
  orderId: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  subtotal: number;
  fees: number;
  tax: number;
  taxCalculationId: string;
  businessId: string;
  eventId: string;
}

export const taxCalculations = {
  find: (id: string) => getRecord<TaxCalculationRecord>(`taxcalc#${id}`),
  save: (record: TaxCalculationRecord) =>
    putRecordOnce(`taxcalc#${record.taxCalculationId}`, record),
};

export const idempotencyKeys = {
  claim: (key: string, record: IdempotencyRecord) => putRecordOnce(`idem#${key}`, record),
  complete: (key: string, response: CreatePaymentIntentResponse) =>
    updateRecord(`idem#${key}`, { response }),
  refuse: (key: string, refusal: NonNullable<IdempotencyRecord['refusal']>) =>
    updateRecord(`idem#${key}`, { refusal }),
};

export const payments = {
  find: (orderId: string) => getRecord<PaymentRecord>(`payment#${orderId}`),
  save: (record: PaymentRecord) => putRecordOnce(`payment#${record.orderId}`, record),
};

/** A Stripe event whose domain events are on the bus. Written last, so a failure makes Stripe retry. */
export const webhookEvents = {
  seen: async (stripeEventId: string) =>
    (await getRecord(`webhook#${stripeEventId}`)) !== undefined,
  record: (stripeEventId: string, type: string, receivedAt: string) =>
    putRecordOnce(`webhook#${stripeEventId}`, { stripeEventId, type, receivedAt }),
};

/**
 * A domain event (by idempotency key) that is on the bus: Stripe sends one change under several
 * event ids, and this keeps the second from publishing the fact again.
 */
export const publishedFacts = {
  seen: async (idempotencyKey: string) => (await getRecord(`fact#${idempotencyKey}`)) !== undefined,
  record: (idempotencyKey: string, stripeEventId: string) =>
    putRecordOnce(`fact#${idempotencyKey}`, { idempotencyKey, stripeEventId }),
};

/** The committed Stripe Tax transaction of a paid order. */
export const taxTransactions = {
  find: (orderId: string) => getRecord<{ transactionId?: string }>(`taxtx#${orderId}`),
  record: (orderId: string, transactionId: string | undefined) =>
    putRecordOnce(`taxtx#${orderId}`, { orderId, transactionId }),
};

/** A refund's Stripe Tax reversal, by refund id. */
export const taxReversals = {
  find: (refundId: string) => getRecord<{ reversalId: string }>(`taxrev#${refundId}`),
  record: (refundId: string, reversalId: string) =>
    putRecordOnce(`taxrev#${refundId}`, { refundId, reversalId }),
};
