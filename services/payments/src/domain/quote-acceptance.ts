/** A tax calculation this service issued, kept so only its own quotes are accepted back. */
export interface TaxCalculationRecord {
  taxCalculationId: string;
  cartFingerprint: string;
  currency: string;
  total: number;
  /** Epoch seconds: Stripe forgets the calculation after this. */
  expiresAt: number;
}

export type QuoteVerdict =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'other-cart' | 'expired' | 'price-changed'; detail: string };

/**
 * Whether a client's `taxCalculationId` may stand for the checkout: only a calculation this
 * service issued, for this cart and address, still alive at Stripe, and whose total is what the
 * server computes now (prices or rates may have moved since the buyer saw it).
 */
export const acceptQuote = (
  record: TaxCalculationRecord | undefined,
  expected: { cartFingerprint: string; total: number; currency: string },
  nowS: number,
): QuoteVerdict => {
  if (!record) {
    return { ok: false, reason: 'unknown', detail: 'This tax calculation is not one of ours.' };
  }
  if (record.cartFingerprint !== expected.cartFingerprint) {
    return {
      ok: false,
      reason: 'other-cart',
      detail: 'This tax calculation was made for another cart or address.',
    };
  }
  if (record.expiresAt <= nowS) {
    return { ok: false, reason: 'expired', detail: 'This tax calculation has expired.' };
  }
  if (record.total !== expected.total || record.currency !== expected.currency) {
    return {
      ok: false,
      reason: 'price-changed',
      detail: 'The price changed since this quote: ask for a new one.',
    };
  }
  return { ok: true };
};
