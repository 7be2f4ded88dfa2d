import { ticketIdFor } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/domain/allocate.ts';
import { Order } from '../../src/domain/order.ts';
import {
  orderFulfilled,
  orderRefunded,
  seatsHeld,
  ticketsIssued,
  ticketsVoided,
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

  it('no longer count tickets a dispute voided before the order recorded them', () => {
    // The dispute overtook fulfillment: ticketing issued and voided the tickets, the order never got them.
    const order = anOrder('DISPUTED', { tickets: [] });
    const issued = order.lines.flatMap((line, index) =>
      Array.from({ length: line.quantity }, (_, unit) => ({
        ticketTypeId: line.ticketTypeId,
        ticketId: ticketIdFor(order.orderId, index, unit),
      })),
    );
    expect(issued.length).toBeGreaterThan(0);
    const facts = [
      ticketsIssued(issued),
      ticketsVoided(
        order,
        issued.map((t) => t.ticketId),
      ),
    ];
    const { total } = salesFigures({ eventId: order.eventId, currency: 'usd' }, facts);
    expect(total.sold).toBe(0);
  });

  it('count the tax inside a tax-inclusive price once: gross, fees and tax add up to what was paid', () => {
    const order = Order.parse({
      ...anOrder('FULFILLED'),
      lines: [
        { ticketTypeId: 'tt_0001', name: 'General', quantity: 1, unitPrice: 4500, amount: 4500 },
        { ticketTypeId: 'tt_0002', name: 'VIP', quantity: 2, unitPrice: 12000, amount: 24000 },
      ],
      subtotal: 4500 + 24000 - 1956,
      fees: 450,
      tax: 399 + 1956 + 40,
      amount: 4500 + 24000 - 1956 + 450 + 399 + 1956 + 40,
    });
    const { total } = salesFigures({ eventId: order.eventId, currency: 'usd' }, [
      orderFulfilled(order),
    ]);
    expect(total.gross + total.fees + total.tax).toBe(order.amount);
    expect(total).toMatchObject({ gross: order.subtotal, tax: order.tax, net: order.amount });
  });
});
