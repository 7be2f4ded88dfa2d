import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account, StoredTaxCalculation } from './account.ts';
import { invalidParam, invalidRequest, noSuchObject } from './errors.ts';
import { listPage, listParamsShape } from './lists.ts';
import { mergeMetadata } from './metadata.ts';
import {
  address,
  currency,
  expand,
  formInt,
  formPositiveInt,
  metadata,
  parseParams,
} from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';
import { lineTax, percentToMillionths } from './tax-math.ts';
import { type TaxAddress, type TaxRate, taxRateAt, usState } from './tax-rates.ts';

/** Stripe keeps a calculation for 90 days; a transaction can be made from it until then. */
const CALCULATION_LIFETIME_S = 90 * 86_400;
/** The tax code Stripe uses when a line names none (the account's default, a Stripe preset). */
const DEFAULT_TAX_CODE = 'txcd_10000000';
/** Stripe's "Nontaxable" code. */
const NONTAXABLE_TAX_CODE = 'txcd_00000000';

const LineItem = z.strictObject({
  amount: formInt.pipe(
    z.number().int().min(0, { error: 'This value must be greater than or equal to 0.' }),
  ),
  metadata: metadata.optional(),
  performance_location: z.string().optional(),
  product: z.string().optional(),
  quantity: formPositiveInt.optional(),
  reference: z.string().max(500).optional(),
  tax_behavior: z.enum(['exclusive', 'inclusive']).optional(),
  tax_code: z.string().optional(),
});

const CreateParams = z.strictObject({
  currency,
  line_items: z.array(LineItem).min(1).max(100),
  customer_details: z
    .strictObject({
      address: address.optional(),
      address_source: z.enum(['billing', 'shipping']).optional(),
      ip_address: z.string().optional(),
      tax_ids: z.array(z.strictObject({ type: z.string(), value: z.string() })).optional(),
      taxability_override: z.enum(['customer_exempt', 'none', 'reverse_charge']).optional(),
    })
    .optional(),
  expand,
  tax_date: formInt.optional(),
});
type CreateParams = z.output<typeof CreateParams>;

const RetrieveParams = z.strictObject({ expand });
const ListLineItemsParams = z.strictObject(listParamsShape);

type Sourcing = 'destination' | 'performance';
type Reason = Stripe.Tax.CalculationLineItem.TaxBreakdown.TaxabilityReason;

/** Where each line is taxed: its performance location when it has one, else the customer. */
const placeOfSupply = (
  account: Account,
  item: z.output<typeof LineItem>,
  index: number,
  customer: TaxAddress | undefined,
): { address: TaxAddress; sourcing: Sourcing } => {
  if (item.performance_location) {
    const location = account.taxLocations.get(item.performance_location);
    if (!location) {
      throw invalidParam(
        `No such tax location: '${item.performance_location}'`,
        'resource_missing',
        `line_items[${index}][performance_location]`,
      );
    }
    return {
      address: {
        country: location.address.country ?? '',
        state: location.address.state ?? undefined,
        postal_code: location.address.postal_code ?? undefined,
      },
      sourcing: 'performance',
    };
  }
  if (!customer) {
    throw invalidParam(
      'Missing required param: customer_details[address]. A line item without a performance_location is taxed at the customer address.',
      'parameter_missing',
      'customer_details[address]',
    );
  }
  return { address: customer, sourcing: 'destination' };
};

const taxabilityReason = (
  rate: TaxRate | undefined,
  taxCode: string,
  override: string | undefined,
): Reason => {
  if (override === 'customer_exempt') return 'customer_exempt';
  if (override === 'reverse_charge') return 'reverse_charge';
  if (!rate) return 'not_collecting';
  if (taxCode === NONTAXABLE_TAX_CODE) return 'product_exempt';
  return percentToMillionths(rate.percentage) === 0 ? 'not_subject_to_tax' : 'standard_rated';
};

const calculateLine = (
  account: Account,
  item: z.output<typeof LineItem>,
  index: number,
  p: CreateParams,
  customer: TaxAddress | undefined,
): Stripe.Tax.CalculationLineItem => {
  const { address: place, sourcing } = placeOfSupply(account, item, index, customer);
  const rate = taxRateAt(place);
  const taxCode = item.tax_code ?? DEFAULT_TAX_CODE;
  const behavior = item.tax_behavior ?? 'exclusive';
  const reason = taxabilityReason(rate, taxCode, p.customer_details?.taxability_override);
  const taxed = rate && reason === 'standard_rated';
  const { tax, taxable } = taxed
    ? lineTax(item.amount, rate.percentage, behavior)
    : { tax: 0, taxable: item.amount };
  const country = place.country.toUpperCase();
  return {
    id: stripeId('tax_li'),
    object: 'tax.calculation_line_item',
    amount: item.amount,
    amount_tax: tax,
    livemode: false,
    metadata: mergeMetadata({}, item.metadata),
    performance_location: item.performance_location ?? null,
    product: item.product ?? null,
    quantity: item.quantity ?? 1,
    reference: item.reference ?? `line_item_${index + 1}`,
    tax_behavior: behavior,
    tax_breakdown: [
      {
        amount: tax,
        jurisdiction: {
          country,
          display_name: rate?.jurisdiction ?? country,
          level: rate?.level ?? 'country',
          state: rate?.state ?? null,
        },
        sourcing,
        tax_rate_details: rate
          ? {
              display_name: rate.displayName,
              percentage_decimal: taxed ? rate.percentage : '0.0',
              tax_type: rate.taxType,
            }
          : null,
        taxability_reason: reason,
        taxable_amount: taxed ? taxable : 0,
      },
    ],
    tax_code: taxCode,
  };
};

/** The calculation's `tax_breakdown`: line breakdowns summed by rate and inclusiveness. */
const summarize = (lines: readonly Stripe.Tax.CalculationLineItem[]) => {
  const groups = new Map<string, Stripe.Tax.Calculation.TaxBreakdown>();
  for (const line of lines) {
    for (const part of line.tax_breakdown ?? []) {
      const inclusive = line.tax_behavior === 'inclusive';
      const details = part.tax_rate_details;
      const key = JSON.stringify([part.jurisdiction, details, part.taxability_reason, inclusive]);
      const group = groups.get(key) ?? {
        amount: 0,
        inclusive,
        tax_rate_details: {
          country: part.jurisdiction.country,
          flat_amount: null,
          percentage_decimal: details?.percentage_decimal ?? '0.0',
          rate_type: details ? 'percentage' : null,
          state: part.jurisdiction.state,
          tax_type: details?.tax_type ?? null,
        },
        taxability_reason: part.taxability_reason,
        taxable_amount: 0,
      };
      group.amount += part.amount;
      group.taxable_amount += part.taxable_amount;
      groups.set(key, group);
    }
  }
  return [...groups.values()];
};

const customerAddress = (p: CreateParams): TaxAddress | undefined => {
  const given = p.customer_details?.address;
  if (!given) return undefined;
  if (given.country.toUpperCase() === 'US' && !usState(given)) {
    throw invalidRequest(
      "We could not determine the customer's tax location based on the provided customer address.",
      'customer_tax_location_invalid',
      'customer_details[address]',
    );
  }
  return given;
};

const createCalculation = (account: Account, p: CreateParams): StoredTaxCalculation => {
  const references = new Set<string>();
  for (const [i, item] of p.line_items.entries()) {
    if (item.reference === undefined) continue;
    if (references.has(item.reference)) {
      throw invalidRequest(
        `The line item reference '${item.reference}' is used more than once. References must be unique within a calculation.`,
        undefined,
        `line_items[${i}][reference]`,
      );
    }
    references.add(item.reference);
  }
  const customer = customerAddress(p);
  const lines = p.line_items.map((item, i) => calculateLine(account, item, i, p, customer));
  const sum = (pick: (l: Stripe.Tax.CalculationLineItem) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const exclusiveTax = sum((l) => (l.tax_behavior === 'exclusive' ? l.amount_tax : 0));
  const now = account.now();
  const given = p.customer_details?.address;
  const calculation: Stripe.Tax.Calculation = {
    id: stripeId('taxcalc'),
    object: 'tax.calculation',
    amount_total: sum((l) => l.amount) + exclusiveTax,
    currency: p.currency,
    customer: null,
    customer_details: {
      address: given
        ? {
            city: given.city || null,
            country: given.country.toUpperCase(),
            line1: given.line1 || null,
            line2: given.line2 || null,
            postal_code: given.postal_code || null,
            state: given.state || null,
          }
        : null,
      address_source: given ? (p.customer_details?.address_source ?? 'billing') : null,
      ip_address: p.customer_details?.ip_address ?? null,
      tax_ids: p.customer_details?.tax_ids ?? [],
      taxability_override: p.customer_details?.taxability_override ?? 'none',
    },
    expires_at: now + CALCULATION_LIFETIME_S,
    livemode: false,
    ship_from_details: null,
    shipping_cost: null,
    tax_amount_exclusive: exclusiveTax,
    tax_amount_inclusive: sum((l) => (l.tax_behavior === 'inclusive' ? l.amount_tax : 0)),
    tax_breakdown: summarize(lines),
    tax_date: p.tax_date ?? now,
  };
  const stored = { object: calculation, lineItems: lines };
  account.taxCalculations.set(calculation.id ?? '', stored);
  return stored;
};

export const getCalculation = (account: Account, id: string, param = 'calculation') => {
  const stored = account.taxCalculations.get(id);
  if (!stored) throw noSuchObject('tax.calculation', id, param);
  return stored;
};

const lineItemsUrl = (id: string) => `/v1/tax/calculations/${id}/line_items`;

/** `line_items` is not in the response unless asked for with `expand[]=line_items`. */
const present = (stored: StoredTaxCalculation, paths: readonly string[] | undefined) => {
  const id = stored.object.id ?? '';
  const unknown = paths?.find((path) => path !== 'line_items');
  if (unknown) {
    throw invalidRequest(`This property cannot be expanded (${unknown}).`, undefined, 'expand');
  }
  if (!paths?.includes('line_items')) return stored.object;
  return {
    ...stored.object,
    line_items: listPage(stored.lineItems, lineItemsUrl(id), { limit: 100 }),
  };
};

export const taxCalculationRoutes = [
  route('POST', '/v1/tax/calculations', ({ params }, account) => {
    const p = parseParams(CreateParams, params);
    return present(createCalculation(account, p), p.expand);
  }),
  route('GET', '/v1/tax/calculations/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    return present(getCalculation(account, pathParams.id ?? ''), p.expand);
  }),
  route('GET', '/v1/tax/calculations/:id/line_items', ({ params, pathParams }, account) => {
    const p = parseParams(ListLineItemsParams, params);
    const stored = getCalculation(account, pathParams.id ?? '');
    return listPage(stored.lineItems, lineItemsUrl(pathParams.id ?? ''), p);
  }),
];
