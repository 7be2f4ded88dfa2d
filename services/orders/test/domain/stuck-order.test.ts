import { expect, it } from 'vitest';
import { countPaidNotFulfilled } from '../../src/domain/stuck-order.ts';

const now = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

it('counts the orders paid and not fulfilled after 15 minutes, and nothing else', () => {
  const orders = [
    { status: 'PAID', updatedAt: minutesAgo(16) },
    { status: 'PAID', updatedAt: minutesAgo(40) },
    { status: 'PAID', updatedAt: minutesAgo(14) },
    { status: 'FULFILLED', updatedAt: minutesAgo(60) },
    // Only payments' records tell whether this one's payment succeeded: the CLI looks, not the metric.
    { status: 'PENDING_PAYMENT', updatedAt: minutesAgo(60) },
  ];
  expect(countPaidNotFulfilled(orders, now)).toBe(2);
  expect(countPaidNotFulfilled([], now)).toBe(0);
});
