/** An amount in minor units as a buyer reads it, e.g. 4500 usd → "$45.00". */
export const formatMoney = (minor: number, currency: string) => {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
};
