import type { PricedCart } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { buildQuote, SERVICE_FEE_TAX_CODE, taxLineRequests } from '../../src/domain/quote.ts';

const cart = (serviceFeePerTicket: number, currency = 'usd') =>
  ({
    eventId: 'ev_test1',
    businessId: 'biz_test1',
    currency,
    taxLocationId: 'taxloc_venue1',
    serviceFeePerTicket,
    lines: [
      {
        ticketTypeId: 'tt_general',
        name: 'General',
        quantity: 2,
        unitAmount: 4500,
        amount: 9000,
        taxBehavior: 'exclusive',
        taxCode: 'txcd_50010001',
      },
      {
        ticketTypeId: 'tt_vip1',
        name: 'VIP',
        quantity: 1,
        unitAmount: 12000,
        amount: 12000,
        taxBehavior: 'inclusive',
        taxCode: 'txcd_50010001',
      },
    ],
  }) as PricedCart;

describe('tax line items', () => {
  it('taxes tickets at the venue and the fee, as its own line, at the buyer', () => {
    expect(taxLineRequests(cart(150))).toEqual([
      expect.objectContaining({ reference: 'tt_general', amount: 9000, quantity: 2 }),
      expect.objectContaining({ reference: 'tt_vip1', performanceLocation: 'taxloc_venue1' }),
      {
        amount: 450,
        quantity: 3,
        reference: 'service-fee',
        taxCode: SERVICE_FEE_TAX_CODE,
        taxBehavior: 'exclusive',
      },
    ]);
  });

  it('has no fee line when the business charges none', () => {
    expect(taxLineRequests(cart(0)).map((l) => l.reference)).toEqual(['tt_general', 'tt_vip1']);
  });
});

describe('the quote', () => {
  const taxed = [
    { reference: 'tt_general', amount: 9000, amountTax: 799 },
    { reference: 'tt_vip1', amount: 12000, amountTax: 978 },
    { reference: 'service-fee', amount: 450, amountTax: 40 },
  ];

  it('moves an inclusive price’s tax out of the subtotal, so total = subtotal + fees + tax', () => {
    const quote = buildQuote(cart(150), taxed, 'taxcalc_1');
    expect(quote).toMatchObject({
      currency: 'usd',
      subtotal: 9000 + 11022,
      fees: 450,
      tax: 799 + 978 + 40,
      total: 9000 + 12000 + 450 + 799 + 40,
      taxCalculationId: 'taxcalc_1',
    });
    expect(quote.lines.map((l) => [l.kind, l.amount, l.tax])).toEqual([
      ['ticket', 9000, 799],
      ['ticket', 11022, 978],
      ['fee', 450, 40],
    ]);
  });

  it('refuses a calculation that lacks one of the cart’s lines', () => {
    expect(() => buildQuote(cart(150), taxed.slice(0, 2), 'taxcalc_1')).toThrow(/service-fee/);
  });
});
