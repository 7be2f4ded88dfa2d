import { ZERO_DECIMAL_CURRENCIES } from '@mytabs/contracts';

/** Minor units per major unit: 100 for usd, 1 for jpy. */
export const minorUnitsPer = (currency: string) =>
  ZERO_DECIMAL_CURRENCIES.has(currency) ? 1 : 100;

/** `500 usd` → `$5.00`, `500 jpy` → `¥500`, as Stripe writes amounts in error messages. */
export const formatAmount = (amount: number, currency: string) => {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: ZERO_DECIMAL_CURRENCIES.has(currency) ? 0 : 2,
  });
  return format.format(amount / minorUnitsPer(currency));
};

/** Stripe's smallest chargeable amounts for the currencies we sell in; 50 minor units otherwise. */
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, jpy: 50 };
export const minimumCharge = (currency: string) => MINIMUM_CHARGE[currency] ?? 50;

/** The largest amount Stripe accepts: eight digits of minor units. */
export const MAXIMUM_AMOUNT = 99_999_999;
