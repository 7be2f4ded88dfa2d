import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/domain/allocate.ts';
import {
  orderFulfilled,
  orderRefunded,
  seatsHeld,
  ticketsIssued,
} from '../../src/domain/sales-change.ts';
import { salesFigures } from '../../src/domain/sales-figures.ts';
import { anOrder, aTicket } from './order-fixture.ts';

describe('splitting an amount over lines', () => {
  it('gives whole parts that always add up, in proportion, remainders to the largest fractions', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [4500, 2500])).toEqual([5, 2]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(0, [3, 1])).toEqual([0, 0]);
  });
});

describe("an event's figures", () => {
  it('are the same whatever order the facts arrive in, and net is what buyers paid and kept', () => {
    const order = anOrder('FULFILLED', { tickets: [aTicket(0), aTicket(1)] });
    const facts = [
      {
        published: [{ ticketTypeId: order.lines[0]?.ticketTypeId ?? '', name: 'GA', capacity: 50 }],
      },
      seatsHeld(order.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity }))),
      ticketsIssued(order.tickets),
      orderFulfilled(order),
      orderRefunded(order, 101),
    ];
    const event = { eventId: order.eventId, currency: 'usd' };
    const figures = salesFigures(event, facts);
    expect(salesFigures(event, [...facts].reverse())).toEqual(figures);
    expect(figures.total).toMatchObject({
      sold: order.tickets.length,
      held: 0,
      gross: order.subtotal,
      fees: order.fees,
      tax: order.tax,
      refunded: 101,
      net: order.amount - 101,
    });
  });
});
