import { describe, expect, it } from 'vitest';
import { EventId, newId, OrderId, TicketId, ticketIdFor } from '../src/ids.ts';
import { Currency, MinorUnits, Money } from '../src/money.ts';

describe('prefixed ids', () => {
  it('generates fresh ids that their own schema accepts', () => {
    const a = newId('ord');
    expect(a).toMatch(/^ord_[0-9a-f]{32}$/);
    expect(OrderId.parse(a)).toBe(a);
    expect(newId('ord')).not.toBe(a);
    expect(EventId.parse(newId('ev'))).toMatch(/^ev_/);
  });

  it("refuses another entity's id and Stripe's evt_", () => {
    expect(OrderId.safeParse('ev_01JD8Y3M7T2P').error?.issues[0]?.message).toBe(
      'must be an id starting with ord_',
    );
    expect(EventId.safeParse('evt_1QaBcD2eZvKYlo2C').success).toBe(false);
  });

  it('derives the same ticket id from order, line and unit every time', () => {
    const orderId = OrderId.parse('ord_01JD8ZK6X2Q4');
    expect(ticketIdFor(orderId, 0, 1)).toBe('tkt_ord_01JD8ZK6X2Q4_0_1');
    expect(TicketId.parse(ticketIdFor(orderId, 2, 0))).toBe(ticketIdFor(orderId, 2, 0));
  });
});

describe('money', () => {
  it('is integer minor units with a lower-case ISO 4217 currency', () => {
    expect(Money.parse({ amount: 5400, currency: 'usd' })).toEqual({
      amount: 5400,
      currency: 'usd',
    });
    expect(MinorUnits.safeParse(54.5).success).toBe(false);
    expect(MinorUnits.safeParse(-1).success).toBe(false);
    expect(Currency.safeParse('USD').success).toBe(false);
  });
});
