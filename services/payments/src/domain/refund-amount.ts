export type RefundDecision =
  | { ok: true; amount: number }
  | { ok: false; reason: 'not-paid' | 'nothing-left' | 'over-refund'; message: string };

/**
 * How much to refund: everything not yet refunded by default, or the amount asked for, never
 * more than is left of the payment.
 */
export const decideRefund = (
  payment: { paid: boolean; amount: number; refunded: number },
  requested: number | undefined,
): RefundDecision => {
  if (!payment.paid) {
    return { ok: false, reason: 'not-paid', message: 'This order has not been paid.' };
  }
  const left = payment.amount - payment.refunded;
  if (left <= 0) {
    return {
      ok: false,
      reason: 'nothing-left',
      message: 'This payment is already fully refunded.',
    };
  }
  if (requested === undefined) return { ok: true, amount: left };
  if (requested === 0 || requested > left) {
    return {
      ok: false,
      reason: 'over-refund',
      message: `A refund must be between 1 and ${left} (what is left of the payment); ${requested} was asked for.`,
    };
  }
  return { ok: true, amount: requested };
};
