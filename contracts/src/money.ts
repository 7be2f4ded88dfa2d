import * as z from 'zod';

/** Lower-case ISO 4217 code, as Stripe writes currencies. */
export const Currency = z
  .string()
  .regex(/^[a-z]{3}$/, 'must be a lower-case ISO 4217 code, e.g. usd');
export type Currency = z.infer<typeof Currency>;

/**
 * An amount in the currency's minor unit as Stripe counts it (cents for usd, yen for jpy).
 * Integers only: no float ever carries money.
 */
export const MinorUnits = z.number().int().min(0).max(99_999_999).brand<'MinorUnits'>();
export type MinorUnits = z.infer<typeof MinorUnits>;

export const Money = z.object({ amount: MinorUnits, currency: Currency });
export type Money = z.infer<typeof Money>;

/** Currencies Stripe counts in whole units: an amount of 500 jpy is 500 yen, not 5. */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
