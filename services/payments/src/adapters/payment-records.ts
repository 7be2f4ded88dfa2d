import type { PaymentRecord } from '../domain/payment-record.ts';
import { getRecord, putRecordOnce } from './payments-table.ts';

/** Each order's PaymentIntent and amounts, written once at checkout. */
export const payments = {
  find: (orderId: string) => getRecord<PaymentRecord>(`payment#${orderId}`),
  save: (record: PaymentRecord) => putRecordOnce(`payment#${record.orderId}`, record),
};
