/** What ties an invocation's log lines to the business: an order, a PaymentIntent. */
export type CorrelationIds = Partial<Record<'orderId' | 'paymentIntentId', string>>;

/** The correlation ids at the top level of an invocation's input, or in its `order` / `data`. */
export const correlationOf = (input: unknown): CorrelationIds => {
  if (typeof input !== 'object' || input === null) return {};
  const record = input as Record<string, unknown>;
  const nested = (record.order ?? record.data) as Record<string, unknown> | undefined;
  const ids: CorrelationIds = {};
  for (const key of ['orderId', 'paymentIntentId'] as const) {
    const value = record[key] ?? nested?.[key];
    if (typeof value === 'string') ids[key] = value;
  }
  return ids;
};
