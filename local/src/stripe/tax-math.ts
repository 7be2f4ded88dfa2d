/**
 * Tax amounts in a currency's minor units (cents, or yen for the zero-decimal jpy), with integers
 * only. Rounding rule: each line item's tax is rounded to the nearest minor unit, halves up
 * (away from zero), as Stripe rounds per line item.
 */

const MILLION = 1_000_000;

/** "8.875" (percent) → 88_750 millionths. At most four decimals, as Stripe's rates carry. */
export const percentToMillionths = (percentage: string) => {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(percentage);
  if (!match) throw new Error(`Not a tax percentage: ${percentage}`);
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
};

/** numerator / denominator rounded half up; both non-negative and below 2^52. */
const divideRoundingHalfUp = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

export interface LineTax {
  /** The tax in the line. */
  tax: number;
  /** The amount the tax is computed on (the amount without tax). */
  taxable: number;
}

/** Tax on top of `amount` (exclusive) or already inside it (inclusive). */
export const lineTax = (
  amount: number,
  percentage: string,
  behavior: 'exclusive' | 'inclusive',
): LineTax => {
  const rate = percentToMillionths(percentage);
  if (behavior === 'exclusive') {
    return { tax: divideRoundingHalfUp(amount * rate, MILLION), taxable: amount };
  }
  const taxable = divideRoundingHalfUp(amount * MILLION, MILLION + rate);
  return { tax: amount - taxable, taxable };
};
