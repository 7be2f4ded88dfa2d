import { expect, it } from 'vitest';
import { failStateErrors } from '../src/executions.ts';
import { stuckReason } from '../src/stuck-orders.ts';

const now = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const fifteen = 15 * 60_000;

it('a paid order is stuck once it waited longer than the threshold, not before', () => {
  expect(stuckReason({ status: 'PAID', updatedAt: minutesAgo(16) }, false, now, fifteen)).toBe(
    'paid-not-fulfilled',
  );
  expect(stuckReason({ status: 'PAID', updatedAt: minutesAgo(5) }, false, now, fifteen)).toBe(
    undefined,
  );
});

it('an unpaid order is stuck only when its payment succeeded', () => {
  const pending = { status: 'PENDING_PAYMENT', updatedAt: minutesAgo(30) };
  expect(stuckReason(pending, true, now, fifteen)).toBe('payment-succeeded-order-pending');
  expect(stuckReason(pending, false, now, fifteen)).toBe(undefined);
  for (const status of ['FULFILLED', 'FAILED', 'CANCELED', 'REFUNDED']) {
    expect(stuckReason({ status, updatedAt: minutesAgo(30) }, true, now, fifteen)).toBe(undefined);
  }
});

it('the workflow’s own Fail states are read from its definition, in branches too', () => {
  const definition = JSON.stringify({
    StartAt: 'A',
    States: {
      A: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'B', States: { B: { Type: 'Fail', Error: 'Inner' } } }],
        Next: 'C',
      },
      C: { Type: 'Fail', Error: 'OrderFailed' },
    },
  });
  expect([...failStateErrors(definition)].sort()).toEqual(['Inner', 'OrderFailed']);
});
