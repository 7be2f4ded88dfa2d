import { getRecord, putRecordOnce } from './payments-table.ts';

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
