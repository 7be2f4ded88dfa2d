import { describe, expect, it } from 'vitest';
import { type BoughtOrder, checkIntegrity } from '../../src/bench/integrity.ts';
import { percentile, summarize } from '../../src/bench/percentiles.ts';

describe('percentiles', () => {
  it('take the nearest rank, whatever the order of the values', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(summarize(values)).toEqual({ count: 10, p50: 50, p95: 100, p99: 100 });
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('the integrity check', () => {
  const order = (
    orderId: string,
    ticketIds: string[],
    quantity = ticketIds.length,
  ): BoughtOrder => ({
    orderId,
    status: 'FULFILLED',
    quantities: { tt_a: quantity },
    tickets: ticketIds.map((ticketId) => ({ ticketId, ticketTypeId: 'tt_a' })),
  });
  const email = (orderId: string) => ({
    to: 'b@example.com',
    subject: `Your tickets for order ${orderId}`,
    body: '...',
  });

  it('finds nothing wrong in a clean run', () => {
    expect(
      checkIntegrity(
        { tt_a: 3 },
        [order('ord_1', ['t1', 't2']), order('ord_2', ['t3'])],
        [email('ord_1'), email('ord_2')],
      ),
    ).toEqual({ oversoldSeats: 0, duplicateTickets: 0, duplicateEmails: 0, missingEmails: 0 });
  });

  it('counts seats sold beyond capacity', () => {
    const orders = [order('ord_1', ['t1', 't2']), order('ord_2', ['t3', 't4'])];
    expect(checkIntegrity({ tt_a: 3 }, orders, []).oversoldSeats).toBe(1);
  });

  it('counts a ticket id issued twice, and tickets beyond what an order asked for', () => {
    const orders = [order('ord_1', ['t1', 't1']), order('ord_2', ['t2', 't3', 't4'], 2)];
    expect(checkIntegrity({ tt_a: 10 }, orders, []).duplicateTickets).toBe(2);
  });

  it('counts a second confirmation of one order, and a fulfilled order never confirmed', () => {
    const report = checkIntegrity(
      { tt_a: 10 },
      [order('ord_1', ['t1']), order('ord_2', ['t2'])],
      [email('ord_1'), email('ord_1')],
    );
    expect(report).toMatchObject({ duplicateEmails: 1, missingEmails: 1 });
  });
});
