import { MinorUnits, OrderStatus } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { holdsValidTickets, toOrderBuyer } from '../../src/domain/order-buyer.ts';
import { anOrder } from './order-fixture.ts';

describe('the buyers the emails about an event go to', () => {
  it('are those of paid orders whose tickets were not voided by a full refund or a dispute', () => {
    const kept = OrderStatus.options.filter((status) => holdsValidTickets(anOrder(status)));
    expect(kept).toEqual(['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED']);
  });

  it('carry the buyer, the seats bought and the money paid and refunded', () => {
    expect(
      toOrderBuyer(anOrder('PARTIALLY_REFUNDED', { amountRefunded: MinorUnits.parse(700) })),
    ).toEqual({
      orderId: 'ord_0001',
      eventId: 'ev_0001',
      businessId: 'biz_0001',
      buyer: { email: 'Ana@Example.com', name: 'Ana Diaz' },
      status: 'PARTIALLY_REFUNDED',
      tickets: 2,
      amount: 5644,
      amountRefunded: 700,
      currency: 'usd',
    });
  });
});
