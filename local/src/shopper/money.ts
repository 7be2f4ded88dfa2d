/** Minor units as a person reads them, in the currency's own digits (`4500 usd` → `$45.00`, `500 jpy` → `¥500`). */
export const formatMoney = (amount: number, currency: string) => {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
};
