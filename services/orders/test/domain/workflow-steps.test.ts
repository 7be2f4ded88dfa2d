import { describe, expect, it } from 'vitest';
import { IllegalTransition } from '../../src/domain/transitions.ts';
import {
  markFailed,
  markFulfilled,
  markPaid,
  PaymentMismatch,
} from '../../src/domain/workflow-steps.ts';
import { anOrder, aTicket, NOW } from './order-fixture.ts';

const failure = {
  error: 'SeatsUnavailable',
  cause: 'sold out',
  refund: { amount: 5644, currency: 'usd' },
} as Parameters<typeof markFailed>[1];

describe('MarkPaid', () => {
  it('marks an order awaiting payment PAID', () => {
    const { order, changed } = markPaid(anOrder(), 'pi_0001', NOW);
    expect(changed).toBe(true);
    expect(order).toMatchObject({ status: 'PAID', paidAt: NOW.toISOString() });
  });

  it.each(['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED', 'FAILED'] as const)(
    'leaves a %s order as it is (its work is done)',
    (status) => {
      expect(markPaid(anOrder(status), 'pi_0001', NOW)).toEqual({
        order: anOrder(status),
        changed: false,
      });
    },
  );

  it('refuses a canceled order and another PaymentIntent', () => {
    expect(() => markPaid(anOrder('CANCELED'), 'pi_0001', NOW)).toThrow(IllegalTransition);
    expect(() => markPaid(anOrder(), 'pi_other', NOW)).toThrow(PaymentMismatch);
  });
});

describe('MarkFulfilled', () => {
  const result = { tickets: [aTicket(0), aTicket(1)], confirmation: { status: 'sent' as const } };

  it('marks a paid order FULFILLED with its tickets and how the email went', () => {
    const { order, changed } = markFulfilled(anOrder('PAID'), result, NOW);
    expect(changed).toBe(true);
    expect(order).toMatchObject({ status: 'FULFILLED', ...result });
  });

  it.each(['FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED'] as const)(
    'leaves a %s order as it is',
    (status) => {
      expect(markFulfilled(anOrder(status), result, NOW).changed).toBe(false);
    },
  );

  it.each(['PENDING_PAYMENT', 'CANCELED', 'FAILED'] as const)('refuses a %s order', (status) => {
    expect(() => markFulfilled(anOrder(status), result, NOW)).toThrow(IllegalTransition);
  });
});

describe('MarkFailed', () => {
  it('marks a paid order FAILED with why and what was refunded', () => {
    const { order, changed } = markFailed(anOrder('PAID'), failure, NOW);
    expect(changed).toBe(true);
    expect(order).toMatchObject({ status: 'FAILED', failure });
  });

  it('leaves a FAILED order as it is and refuses any other', () => {
    expect(markFailed(anOrder('FAILED'), failure, NOW).changed).toBe(false);
    for (const status of ['PENDING_PAYMENT', 'FULFILLED', 'CANCELED', 'DISPUTED'] as const) {
      expect(() => markFailed(anOrder(status), failure, NOW)).toThrow(IllegalTransition);
    }
  });
});
