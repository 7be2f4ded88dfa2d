/**
 * The emulator's tax rate table. The rates are ILLUSTRATIVE, not tax advice and not kept current:
 * they give the local platform realistic, stable numbers to compute with. Real Stripe Tax applies
 * many more rules (local surcharges, product taxability, registrations, thresholds).
 *
 * Jurisdictions:
 * - United States, by state (sales tax, one combined rate per state):
 *   New York 8.875% (the New York City combined rate), California 7.25%, Texas 8.25%,
 *   Oregon 0% (a state with no sales tax).
 * - European Union, by country (standard VAT rate): Germany 19%, France 20%, Netherlands 21%.
 * - United Kingdom: VAT 20%.
 * - Japan: consumption tax (JCT) 10%.
 * Anywhere else the account is "not registered": no tax, `taxability_reason: not_collecting`.
 *
 * US addresses are matched by `state`, or when it is missing by the first three digits of the
 * ZIP code for the states above (Stripe itself resolves any ZIP code).
 */
export interface TaxRate {
  country: string;
  /** ISO 3166-2 subdivision code without the country prefix, for state-level taxes. */
  state: string | null;
  /** The jurisdiction's name, e.g. "New York" or "Germany". */
  jurisdiction: string;
  level: 'country' | 'state';
  taxType: 'jct' | 'sales_tax' | 'vat';
  /** The tax type's display name, e.g. "Sales Tax", "VAT". */
  displayName: string;
  /** The rate in percent as Stripe writes it (`percentage_decimal`), e.g. "8.875". */
  percentage: string;
}

const usSalesTax = (state: string, jurisdiction: string, percentage: string): TaxRate => ({
  country: 'US',
  state,
  jurisdiction,
  level: 'state',
  taxType: 'sales_tax',
  displayName: 'Sales Tax',
  percentage,
});

const vat = (country: string, jurisdiction: string, percentage: string): TaxRate => ({
  country,
  state: null,
  jurisdiction,
  level: 'country',
  taxType: 'vat',
  displayName: 'VAT',
  percentage,
});

export const TAX_RATES: readonly TaxRate[] = [
  usSalesTax('NY', 'New York', '8.875'),
  usSalesTax('CA', 'California', '7.25'),
  usSalesTax('TX', 'Texas', '8.25'),
  usSalesTax('OR', 'Oregon', '0.0'),
  vat('DE', 'Germany', '19.0'),
  vat('FR', 'France', '20.0'),
  vat('NL', 'Netherlands', '21.0'),
  vat('GB', 'United Kingdom', '20.0'),
  {
    country: 'JP',
    state: null,
    jurisdiction: 'Japan',
    level: 'country',
    taxType: 'jct',
    displayName: 'Japanese Consumption Tax (JCT)',
    percentage: '10.0',
  },
];

/** ZIP code prefixes (first three digits) of the table's states. */
const ZIP3_RANGES: ReadonlyArray<readonly [number, number, string]> = [
  [100, 149, 'NY'],
  [900, 961, 'CA'],
  [750, 799, 'TX'],
  [885, 885, 'TX'],
  [970, 979, 'OR'],
];

export interface TaxAddress {
  country: string;
  state?: string | undefined;
  postal_code?: string | undefined;
}

/** The US state of an address: its `state`, else its ZIP code's; undefined when unknown. */
export const usState = (address: TaxAddress): string | undefined => {
  if (address.state) return address.state.toUpperCase();
  const zip3 = Number(address.postal_code?.trim().slice(0, 3));
  if (!Number.isInteger(zip3)) return undefined;
  return ZIP3_RANGES.find(([from, to]) => zip3 >= from && zip3 <= to)?.[2];
};

/** The rate that applies at an address, or undefined where the account collects no tax. */
export const taxRateAt = (address: TaxAddress): TaxRate | undefined => {
  const country = address.country.toUpperCase();
  if (country !== 'US') return TAX_RATES.find((rate) => rate.country === country);
  const state = usState(address);
  return TAX_RATES.find((rate) => rate.country === 'US' && rate.state === state);
};
