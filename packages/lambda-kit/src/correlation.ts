/**
 * What ties an invocation's log lines and trace to the business: an order, a PaymentIntent, the
 * event sold, the business selling it.
 */
export type CorrelationIds = Partial<
  Record<'orderId' | 'paymentIntentId' | 'eventId' | 'businessId', string>
>;

const KEYS = ['orderId', 'paymentIntentId', 'eventId', 'businessId'] as const;

/** The correlation ids at the top level of an invocation's input, or in its `order` / `data`. */
export const correlationOf = (input: unknown): CorrelationIds => {
  if (typeof input !== 'object' || input === null) return {};
  const record = input as Record<string, unknown>;
  const nested = (record.order ?? record.data) as Record<string, unknown> | undefined;
  const ids: CorrelationIds = {};
  for (const key of KEYS) {
    const value = record[key] ?? nested?.[key];
    if (typeof value === 'string') ids[key] = value;
  }
  return ids;
};
