import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account, StoredTaxTransaction } from './account.ts';
import { invalidRequest, noSuchObject } from './errors.ts';
import { listPage, listParamsShape } from './lists.ts';
import { mergeMetadata } from './metadata.ts';
import { expand, formInt, metadata, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';
import { getCalculation } from './tax-calculations.ts';

const FromCalculationParams = z.strictObject({
  calculation: z.string(),
  reference: z.string().max(500),
  expand,
  metadata: metadata.optional(),
  posted_at: formInt.optional(),
});

const RetrieveParams = z.strictObject({ expand });
const ListLineItemsParams = z.strictObject(listParamsShape);

/** References are unique across every transaction, reversals included. */
export const checkReferenceUnused = (account: Account, reference: string) => {
  for (const { object } of account.taxTransactions.values()) {
    if (object.reference === reference) {
      throw invalidRequest(
        `A transaction with reference '${reference}' already exists: ${object.id}. Transaction references must be unique.`,
        undefined,
        'reference',
      );
    }
  }
};

export const getTransaction = (account: Account, id: string, param = 'transaction') => {
  const stored = account.taxTransactions.get(id);
  if (!stored) throw noSuchObject('tax.transaction', id, param);
  return stored;
};

export const saveTransaction = (account: Account, stored: StoredTaxTransaction) => {
  account.taxTransactions.set(stored.object.id, stored);
  return stored;
};

const fromCalculation = (account: Account, p: z.output<typeof FromCalculationParams>) => {
  const calculation = getCalculation(account, p.calculation);
  if ((calculation.object.expires_at ?? Number.POSITIVE_INFINITY) < account.now()) {
    throw invalidRequest(
      `Tax calculation ${p.calculation} has expired and can no longer be used to create a transaction.`,
      undefined,
      'calculation',
    );
  }
  checkReferenceUnused(account, p.reference);
  const now = account.now();
  const transaction: Stripe.Tax.Transaction = {
    id: stripeId('tax'),
    object: 'tax.transaction',
    created: now,
    currency: calculation.object.currency,
    customer: null,
    customer_details: calculation.object.customer_details,
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    posted_at: p.posted_at ?? now,
    reference: p.reference,
    reversal: null,
    ship_from_details: null,
    shipping_cost: null,
    tax_date: calculation.object.tax_date,
    type: 'transaction',
  };
  const lineItems = calculation.lineItems.map(
    (line): Stripe.Tax.TransactionLineItem => ({
      id: stripeId('tax_li'),
      object: 'tax.transaction_line_item',
      amount: line.amount,
      amount_tax: line.amount_tax,
      livemode: false,
      metadata: line.metadata,
      product: line.product,
      quantity: line.quantity,
      reference: line.reference,
      reversal: null,
      tax_behavior: line.tax_behavior,
      tax_code: line.tax_code,
      type: 'transaction',
    }),
  );
  return saveTransaction(account, { object: transaction, lineItems });
};

const lineItemsUrl = (id: string) => `/v1/tax/transactions/${id}/line_items`;

/** `line_items` is not in the response unless asked for with `expand[]=line_items`. */
export const presentTransaction = (
  stored: StoredTaxTransaction,
  paths: readonly string[] | undefined,
) => {
  const unknown = paths?.find((path) => path !== 'line_items');
  if (unknown) {
    throw invalidRequest(`This property cannot be expanded (${unknown}).`, undefined, 'expand');
  }
  if (!paths?.includes('line_items')) return stored.object;
  return {
    ...stored.object,
    line_items: listPage(stored.lineItems, lineItemsUrl(stored.object.id), { limit: 100 }),
  };
};

export const taxTransactionRoutes = [
  route('POST', '/v1/tax/transactions/create_from_calculation', ({ params }, account) => {
    const p = parseParams(FromCalculationParams, params);
    return presentTransaction(fromCalculation(account, p), p.expand);
  }),
  route('GET', '/v1/tax/transactions/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    return presentTransaction(getTransaction(account, pathParams.id ?? ''), p.expand);
  }),
  route('GET', '/v1/tax/transactions/:id/line_items', ({ params, pathParams }, account) => {
    const p = parseParams(ListLineItemsParams, params);
    const stored = getTransaction(account, pathParams.id ?? '');
    return listPage(stored.lineItems, lineItemsUrl(stored.object.id), p);
  }),
];
