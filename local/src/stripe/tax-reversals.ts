import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account, StoredTaxTransaction } from './account.ts';
import { invalidParam, invalidRequest } from './errors.ts';
import { mergeMetadata } from './metadata.ts';
import { expand, formInt, formPositiveInt, metadata, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';
import {
  checkReferenceUnused,
  getTransaction,
  presentTransaction,
  saveTransaction,
} from './tax-transactions.ts';

const ReversalLine = z.strictObject({
  amount: formInt,
  amount_tax: formInt,
  original_line_item: z.string(),
  reference: z.string().max(500),
  metadata: metadata.optional(),
  quantity: formPositiveInt.optional(),
});

const ReversalParams = z.strictObject({
  mode: z.enum(['full', 'partial']),
  original_transaction: z.string(),
  reference: z.string().max(500),
  expand,
  flat_amount: formInt.optional(),
  line_items: z.array(ReversalLine).optional(),
  metadata: metadata.optional(),
});
type ReversalParams = z.output<typeof ReversalParams>;

type Line = Stripe.Tax.TransactionLineItem;

/** What is left to reverse of each original line, after the reversals already made. */
const remainders = (account: Account, original: StoredTaxTransaction) => {
  const left = new Map(
    original.lineItems.map((l) => [l.id, { amount: l.amount, tax: l.amount_tax }]),
  );
  for (const { lineItems } of account.taxTransactions.values()) {
    for (const line of lineItems) {
      const rest = line.reversal ? left.get(line.reversal.original_line_item) : undefined;
      if (!rest) continue;
      rest.amount += line.amount;
      rest.tax += line.amount_tax;
    }
  }
  return left;
};

/** What the customer paid for a line: the amount, plus the tax when it came on top. */
const gross = (line: Line, rest: { amount: number; tax: number }) =>
  line.tax_behavior === 'exclusive' ? rest.amount + rest.tax : rest.amount;

const reversalLine = (
  line: Line,
  amount: number,
  tax: number,
  extra: Partial<Line> = {},
): Line => ({
  ...line,
  id: stripeId('tax_li'),
  amount: -amount,
  amount_tax: -tax,
  reversal: { original_line_item: line.id },
  type: 'reversal',
  ...extra,
});

/** `flat_amount` (negative, tax included) spread over the lines in proportion to what is left. */
const flatAmountLines = (
  original: StoredTaxTransaction,
  left: ReturnType<typeof remainders>,
  flat: number,
) => {
  const amount = -flat;
  const lines = original.lineItems.map((line) => ({
    line,
    rest: left.get(line.id) ?? { amount: 0, tax: 0 },
  }));
  const total = lines.reduce((sum, { line, rest }) => sum + gross(line, rest), 0);
  if (flat >= 0 || amount > total) {
    throw invalidParam(
      `flat_amount must be negative and at most the ${total} left to reverse on this transaction.`,
      'parameter_invalid_integer',
      'flat_amount',
    );
  }
  // Largest remainder: each line's share rounded down, the units left over to the largest fractions.
  const shares = lines.map(({ line, rest }) => {
    const exact = BigInt(amount) * BigInt(gross(line, rest));
    return { line, rest, share: Number(exact / BigInt(total)), fraction: exact % BigInt(total) };
  });
  let leftover = amount - shares.reduce((sum, s) => sum + s.share, 0);
  for (const s of [...shares].sort((a, b) => Number(b.fraction - a.fraction))) {
    if (leftover-- <= 0) break;
    s.share += 1;
  }
  return shares
    .filter((s) => s.share > 0)
    .map(({ line, rest, share }) => {
      const lineGross = gross(line, rest);
      const tax = Math.floor((2 * share * rest.tax + lineGross) / (2 * lineGross));
      return reversalLine(line, line.tax_behavior === 'exclusive' ? share - tax : share, tax);
    });
};

const itemisedLines = (
  original: StoredTaxTransaction,
  left: ReturnType<typeof remainders>,
  items: NonNullable<ReversalParams['line_items']>,
) =>
  items.map((item, i) => {
    const line = original.lineItems.find((l) => l.id === item.original_line_item);
    if (!line) {
      throw invalidParam(
        `No such line item on ${original.object.id}: '${item.original_line_item}'`,
        'resource_missing',
        `line_items[${i}][original_line_item]`,
      );
    }
    const rest = left.get(line.id) ?? { amount: 0, tax: 0 };
    for (const [field, value, limit] of [
      ['amount', item.amount, rest.amount],
      ['amount_tax', item.amount_tax, rest.tax],
    ] as const) {
      if (value > 0 || -value > limit) {
        throw invalidParam(
          `line_items[${i}][${field}] must be negative and reverse at most the ${limit} left on line item ${line.id}.`,
          'parameter_invalid_integer',
          `line_items[${i}][${field}]`,
        );
      }
    }
    rest.amount += item.amount;
    rest.tax += item.amount_tax;
    return reversalLine(line, -item.amount, -item.amount_tax, {
      reference: item.reference,
      quantity: item.quantity ?? line.quantity,
      metadata: mergeMetadata({}, item.metadata),
    });
  });

/**
 * A reversal transaction: `full` negates every line of a transaction not yet reversed;
 * `partial` reverses given `line_items`, or a `flat_amount` spread over the lines, never more
 * than what is left.
 */
const reverse = (account: Account, p: ReversalParams) => {
  const original = getTransaction(account, p.original_transaction, 'original_transaction');
  if (original.object.type === 'reversal') {
    throw invalidRequest(
      `Transaction ${original.object.id} is a reversal and cannot be reversed.`,
      undefined,
      'original_transaction',
    );
  }
  const left = remainders(account, original);
  const untouched = original.lineItems.every(
    (l) => left.get(l.id)?.amount === l.amount && left.get(l.id)?.tax === l.amount_tax,
  );
  let lineItems: Line[];
  if (p.mode === 'full') {
    if (!untouched) {
      throw invalidRequest(
        `Transaction ${original.object.id} has already been reversed; reverse what is left with mode=partial.`,
        undefined,
        'mode',
      );
    }
    lineItems = original.lineItems.map((line) => reversalLine(line, line.amount, line.amount_tax));
  } else if (p.line_items && p.flat_amount === undefined) {
    lineItems = itemisedLines(original, left, p.line_items);
  } else if (p.flat_amount !== undefined && !p.line_items) {
    lineItems = flatAmountLines(original, left, p.flat_amount);
  } else {
    throw invalidRequest(
      'A partial reversal takes exactly one of these parameters: flat_amount, line_items.',
      undefined,
      'line_items',
    );
  }
  checkReferenceUnused(account, p.reference);
  const now = account.now();
  const transaction: Stripe.Tax.Transaction = {
    ...original.object,
    id: stripeId('tax'),
    created: now,
    metadata: mergeMetadata({}, p.metadata),
    posted_at: now,
    reference: p.reference,
    reversal: { original_transaction: original.object.id },
    type: 'reversal',
  };
  return saveTransaction(account, { object: transaction, lineItems });
};

export const taxReversalRoutes = [
  route('POST', '/v1/tax/transactions/create_reversal', ({ params }, account) => {
    const p = parseParams(ReversalParams, params);
    return presentTransaction(reverse(account, p), p.expand);
  }),
];
