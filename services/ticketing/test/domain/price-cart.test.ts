import type { CartItem, TicketType } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { checkAvailability, priceCart } from '../../src/domain/price-cart.ts';
import { duringSales, event, ticketType } from './fixtures.ts';

const items = (...pairs: [string, number][]) =>
  pairs.map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }) as CartItem);

describe('pricing a cart', () => {
  const types = [
    ticketType(),
    ticketType({ ticketTypeId: 'tt_vip', name: 'VIP', price: 9000 as TicketType['price'] }),
  ];

  it('prices each line from the catalog: unit price times quantity', () => {
    const result = priceCart(event, types, items(['tt_general', 2], ['tt_vip', 1]), duringSales);
    expect(result).toMatchObject({
      ok: true,
      cart: {
        currency: 'usd',
        taxLocationId: 'taxloc_venue1',
        lines: [
          { ticketTypeId: 'tt_general', quantity: 2, unitAmount: 2500, amount: 5000 },
          { ticketTypeId: 'tt_vip', quantity: 1, unitAmount: 9000, amount: 9000 },
        ],
      },
    });
  });

  it.each([
    ['before sales open', new Date('2026-10-01T00:00:00Z')],
    ['once the event has started', new Date('2026-12-31T20:00:00Z')],
  ])('refuses %s', (_, now) => {
    expect(priceCart(event, types, items(['tt_general', 1]), now)).toMatchObject({
      ok: false,
      refusal: { code: 'not-on-sale' },
    });
  });

  it('refuses a draft event', () => {
    const draft = { ...event, status: 'draft' as const };
    expect(priceCart(draft, types, items(['tt_general', 1]), duringSales)).toMatchObject({
      refusal: { code: 'not-on-sale' },
    });
  });

  it('refuses a ticket type of another event, a repeated one, and more than the per-order limit', () => {
    expect(priceCart(event, types, items(['tt_other', 1]), duringSales)).toMatchObject({
      refusal: { code: 'unknown-ticket-type', ticketTypeId: 'tt_other' },
    });
    expect(priceCart(event, types, items(['tt_vip', 1], ['tt_vip', 1]), duringSales)).toMatchObject(
      { refusal: { code: 'duplicate-ticket-type' } },
    );
    expect(priceCart(event, types, items(['tt_general', 7]), duringSales)).toMatchObject({
      refusal: {
        code: 'over-per-order-limit',
        message: 'At most 6 General admission tickets per order.',
      },
    });
  });

  it('refuses one order across two currencies', () => {
    const mixed = [ticketType(), ticketType({ ticketTypeId: 'tt_eur', currency: 'eur' })];
    expect(
      priceCart(event, mixed, items(['tt_general', 1], ['tt_eur', 1]), duringSales),
    ).toMatchObject({ refusal: { code: 'mixed-currencies' } });
  });

  it('warns a quote when fewer seats are left than asked', () => {
    const few = [ticketType({ available: 1 })];
    expect(checkAvailability(few, items(['tt_general', 2]))).toMatchObject({
      refusal: { code: 'sold-out', message: 'Only 1 General admission tickets left.' },
    });
    expect(checkAvailability(few, items(['tt_general', 1]))).toEqual({ ok: true });
  });
});
