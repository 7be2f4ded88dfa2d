import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeFixture, startStripeFixture } from './stripe-fixture.ts';

let fixture: StripeFixture;
let stripe: Stripe;
let newYorkVenue: Stripe.Tax.Location;
let tokyoVenue: Stripe.Tax.Location;

beforeAll(async () => {
  fixture = await startStripeFixture();
  stripe = fixture.stripe;
  newYorkVenue = await stripe.tax.locations.create({
    type: 'performance',
    description: 'Hall on 5th',
    address: {
      line1: '1 5th Ave',
      city: 'New York',
      state: 'NY',
      postal_code: '10003',
      country: 'US',
    },
  });
  tokyoVenue = await stripe.tax.locations.create({
    type: 'performance',
    address: { city: 'Tokyo', postal_code: '100-0001', country: 'JP' },
  });
});
afterAll(() => fixture.emulator.close());

const oregonBuyer = {
  address: { country: 'US', postal_code: '97201' },
  address_source: 'billing' as const,
};

describe('Stripe Tax through the stripe SDK', () => {
  it('creates, retrieves and lists performance locations', async () => {
    expect(newYorkVenue.id).toMatch(/^taxloc_/);
    expect(newYorkVenue).toMatchObject({
      object: 'tax.location',
      type: 'performance',
      description: 'Hall on 5th',
      address: { state: 'NY', country: 'US' },
    });
    expect(await stripe.tax.locations.retrieve(newYorkVenue.id)).toEqual(
      expect.objectContaining({ id: newYorkVenue.id }),
    );
    const list = await stripe.tax.locations.list({ type: 'performance' });
    expect(list.data.map((l) => l.id)).toEqual([tokyoVenue.id, newYorkVenue.id]);
  });

  it('taxes tickets at the venue and a fee at the buyer, exclusive of tax (usd)', async () => {
    const calculation = await stripe.tax.calculations.create({
      currency: 'usd',
      customer_details: oregonBuyer,
      line_items: [
        {
          amount: 5000,
          quantity: 2,
          reference: 'tt_ga',
          tax_code: 'txcd_20030000',
          tax_behavior: 'exclusive',
          performance_location: newYorkVenue.id,
        },
        { amount: 300, quantity: 2, reference: 'fee', tax_behavior: 'exclusive' },
      ],
      expand: ['line_items'],
    });
    expect(calculation.id).toMatch(/^taxcalc_/);
    // 8.875% of 50.00 = 4.4375 → 4.44 (half up); Oregon has no sales tax.
    expect(calculation).toMatchObject({
      object: 'tax.calculation',
      currency: 'usd',
      tax_amount_exclusive: 444,
      tax_amount_inclusive: 0,
      amount_total: 5744,
    });
    expect(calculation.expires_at).toBeGreaterThan(calculation.tax_date);
    const [ticket, fee] = calculation.line_items?.data ?? [];
    expect(ticket).toMatchObject({
      amount: 5000,
      amount_tax: 444,
      quantity: 2,
      reference: 'tt_ga',
    });
    expect(ticket?.tax_breakdown?.[0]).toMatchObject({
      sourcing: 'performance',
      jurisdiction: { country: 'US', state: 'NY' },
      tax_rate_details: { percentage_decimal: '8.875', tax_type: 'sales_tax' },
      taxable_amount: 5000,
    });
    expect(fee?.tax_breakdown?.[0]).toMatchObject({
      sourcing: 'destination',
      amount: 0,
      taxability_reason: 'not_subject_to_tax',
    });
    expect(calculation.tax_breakdown).toContainEqual(
      expect.objectContaining({ amount: 444, inclusive: false, taxable_amount: 5000 }),
    );

    const lines = await stripe.tax.calculations.listLineItems(calculation.id as string);
    expect(lines.data.map((l) => l.reference)).toEqual(['tt_ga', 'fee']);
  });

  it('moves the tax out of a tax-inclusive price (usd)', async () => {
    const calculation = await stripe.tax.calculations.create({
      currency: 'usd',
      customer_details: oregonBuyer,
      line_items: [
        {
          amount: 10000,
          reference: 'vip',
          tax_behavior: 'inclusive',
          performance_location: newYorkVenue.id,
        },
      ],
    });
    // 100.00 / 1.08875 = 91.848... → 91.85 taxable, 8.15 tax inside the price.
    expect(calculation).toMatchObject({
      amount_total: 10000,
      tax_amount_exclusive: 0,
      tax_amount_inclusive: 815,
    });
    expect(calculation.line_items).toBeUndefined();
  });

  it('computes in whole yen for jpy, inclusive and exclusive', async () => {
    const calculation = await stripe.tax.calculations.create({
      currency: 'jpy',
      customer_details: {
        address: { country: 'JP', postal_code: '150-0001' },
        address_source: 'billing',
      },
      line_items: [
        {
          amount: 5500,
          reference: 'inc',
          tax_behavior: 'inclusive',
          performance_location: tokyoVenue.id,
        },
        {
          amount: 1234,
          reference: 'exc',
          tax_behavior: 'exclusive',
          performance_location: tokyoVenue.id,
        },
      ],
      expand: ['line_items'],
    });
    // 5500 / 1.10 = 5000 → 500 inside; 10% of 1234 = 123.4 → 123 on top.
    expect(calculation).toMatchObject({
      currency: 'jpy',
      tax_amount_inclusive: 500,
      tax_amount_exclusive: 123,
      amount_total: 5500 + 1234 + 123,
    });
    expect(calculation.line_items?.data[0]?.tax_breakdown?.[0]?.tax_rate_details).toMatchObject({
      tax_type: 'jct',
      percentage_decimal: '10.0',
    });
  });

  it('records a transaction from a calculation once per reference, and reverses it', async () => {
    const calculation = await stripe.tax.calculations.create({
      currency: 'usd',
      customer_details: oregonBuyer,
      line_items: [{ amount: 2000, reference: 'tt_1', performance_location: newYorkVenue.id }],
    });
    const transaction = await stripe.tax.transactions.createFromCalculation({
      calculation: calculation.id as string,
      reference: 'ord_tax_1',
    });
    expect(transaction.id).toMatch(/^tax_/);
    expect(transaction).toMatchObject({
      object: 'tax.transaction',
      type: 'transaction',
      reference: 'ord_tax_1',
      currency: 'usd',
    });
    const duplicate = await stripe.tax.transactions
      .createFromCalculation({ calculation: calculation.id as string, reference: 'ord_tax_1' })
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ statusCode: 400, param: 'reference' });

    const reversal = await stripe.tax.transactions.createReversal({
      mode: 'full',
      original_transaction: transaction.id,
      reference: 'ord_tax_1-refund',
    });
    expect(reversal).toMatchObject({
      type: 'reversal',
      reversal: { original_transaction: transaction.id },
    });
    const lines = await stripe.tax.transactions.listLineItems(reversal.id);
    expect(lines.data[0]).toMatchObject({ amount: -2000, amount_tax: -178, type: 'reversal' });
  });

  it('reverses part of a transaction by line item or by a flat amount, never more than is left', async () => {
    const calculation = await stripe.tax.calculations.create({
      currency: 'usd',
      customer_details: oregonBuyer,
      line_items: [
        { amount: 10000, quantity: 2, reference: 'ga', performance_location: newYorkVenue.id },
        { amount: 5000, reference: 'vip', performance_location: newYorkVenue.id },
      ],
    });
    const transaction = await stripe.tax.transactions.createFromCalculation({
      calculation: calculation.id as string,
      reference: 'ord_partial',
      expand: ['line_items'],
    });
    const [ga, vip] = transaction.line_items?.data ?? [];
    expect(ga).toMatchObject({ amount: 10000, amount_tax: 888 });
    expect(vip).toMatchObject({ amount: 5000, amount_tax: 444 });

    const oneTicket = await stripe.tax.transactions.createReversal({
      mode: 'partial',
      original_transaction: transaction.id,
      reference: 'ord_partial-r1',
      line_items: [
        {
          original_line_item: ga?.id as string,
          reference: 'ga',
          quantity: 1,
          amount: -5000,
          amount_tax: -444,
        },
      ],
      expand: ['line_items'],
    });
    expect(oneTicket.line_items?.data).toEqual([
      expect.objectContaining({ amount: -5000, amount_tax: -444, quantity: 1, type: 'reversal' }),
    ]);

    // Left: ga 5000 + 444, vip 5000 + 444 = 10888; 10.88 is split in proportion, tax included.
    const flat = await stripe.tax.transactions.createReversal({
      mode: 'partial',
      original_transaction: transaction.id,
      reference: 'ord_partial-r2',
      flat_amount: -1088,
      expand: ['line_items'],
    });
    const reversed = flat.line_items?.data ?? [];
    expect(reversed.map((l) => -(l.amount + l.amount_tax))).toEqual([544, 544]);
    expect(reversed[0]).toMatchObject({ amount: -500, amount_tax: -44 });

    const tooMuch = await stripe.tax.transactions
      .createReversal({
        mode: 'partial',
        original_transaction: transaction.id,
        reference: 'ord_partial-r3',
        flat_amount: -20000,
      })
      .catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'flat_amount' });
    const full = await stripe.tax.transactions
      .createReversal({
        mode: 'full',
        original_transaction: transaction.id,
        reference: 'ord_partial-r4',
      })
      .catch((e: unknown) => e);
    expect(full).toMatchObject({ statusCode: 400, param: 'mode' });
  });

  it('names the bad parameter', async () => {
    const error = await stripe.tax.calculations
      .create({
        currency: 'usd',
        line_items: [{ amount: 100, performance_location: 'taxloc_missing' }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][performance_location]',
    });
  });
});
