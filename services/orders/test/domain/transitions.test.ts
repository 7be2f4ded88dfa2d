import { OrderStatus } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import {
  IllegalTransition,
  isAllowed,
  TRANSITIONS,
  type TransitionOwner,
  transition,
} from '../../src/domain/transitions.ts';
import { anOrder, NOW } from './order-fixture.ts';

/** The order's lifecycle (docs/architecture.md), one row per allowed move and its one owner. Everything else is refused. */
const ALLOWED: [TransitionOwner, OrderStatus, OrderStatus][] = [
  ['markPaid', 'PENDING_PAYMENT', 'PAID'],
  ['paymentCanceled', 'PENDING_PAYMENT', 'CANCELED'],
  ['markFulfilled', 'PAID', 'FULFILLED'],
  ['markFailed', 'PAID', 'FAILED'],
  ['paymentRefunded', 'FULFILLED', 'REFUNDED'],
  ['paymentRefunded', 'FULFILLED', 'PARTIALLY_REFUNDED'],
  ['paymentRefunded', 'PARTIALLY_REFUNDED', 'PARTIALLY_REFUNDED'],
  ['paymentRefunded', 'PARTIALLY_REFUNDED', 'REFUNDED'],
  ['paymentDisputed', 'PENDING_PAYMENT', 'DISPUTED'],
  ['paymentDisputed', 'PAID', 'DISPUTED'],
  ['paymentDisputed', 'FULFILLED', 'DISPUTED'],
  ['paymentDisputed', 'PARTIALLY_REFUNDED', 'DISPUTED'],
];

const owners = Object.keys(TRANSITIONS) as TransitionOwner[];
const statuses = OrderStatus.options;
const every = owners.flatMap((by) =>
  statuses.flatMap((from) => statuses.map((to) => [by, from, to] as const)),
);
const key = ([by, from, to]: readonly [string, string, string]) => `${by}:${from}->${to}`;
const allowed = new Set(ALLOWED.map(key));

describe('order transitions', () => {
  it.each(ALLOWED)('%s moves an order from %s to %s', (by, from, to) => {
    const moved = transition(anOrder(from), by, to, NOW);
    expect(moved).toMatchObject({ status: to, updatedAt: NOW.toISOString() });
  });

  it.each(every.filter((t) => !allowed.has(key(t))))(
    '%s may not move an order from %s to %s',
    (by, from, to) => {
      expect(isAllowed(by, from, to)).toBe(false);
      expect(() => transition(anOrder(from), by, to, NOW)).toThrow(IllegalTransition);
    },
  );

  it('gives PAID to MarkPaid only and CANCELED to the PaymentCanceled consumer only', () => {
    const ownersOf = (to: OrderStatus) =>
      owners.filter((by) => statuses.some((from) => isAllowed(by, from, to)));
    expect(ownersOf('PAID')).toEqual(['markPaid']);
    expect(ownersOf('CANCELED')).toEqual(['paymentCanceled']);
    expect(ownersOf('FULFILLED')).toEqual(['markFulfilled']);
    expect(ownersOf('FAILED')).toEqual(['markFailed']);
  });

  it('never leaves a final status', () => {
    for (const from of ['REFUNDED', 'CANCELED', 'FAILED', 'DISPUTED'] as const) {
      expect(every.filter(([by, f, to]) => f === from && isAllowed(by, f, to))).toEqual([]);
    }
  });
});
