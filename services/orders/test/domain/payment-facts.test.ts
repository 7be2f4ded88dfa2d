import type { MinorUnits } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import {
  cancelOnPaymentCanceled,
  recordDispute,
  recordPaymentFailure,
  recordRefund,
} from '../../src/domain/payment-facts.ts';
import { anOrder, NOW } from './order-fixture.ts';

const declined = (message: string, occurredAt: string) => ({
  lastPaymentError: { type: 'card_error', code: 'card_declined', message },
  occurredAt,
});
const refund = (refundId: string, amountRefunded: number) => ({
  refundId,
  amountRefunded: amountRefunded as MinorUnits,
});

describe('PaymentFailed', () => {
  it('records the error and keeps the order awaiting payment', () => {
    const { order, changed } = recordPaymentFailure(
      anOrder(),
      declined('Declined', '2026-12-01T12:00:00Z'),
      NOW,
    );
    expect(changed).toBe(true);
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      lastPaymentError: { message: 'Declined' },
    });
  });

  it('keeps the newest decline when an older one arrives late', () => {
    const newer = recordPaymentFailure(anOrder(), declined('second', '2026-12-01T12:05:00Z'), NOW);
    const late = recordPaymentFailure(newer.order, declined('first', '2026-12-01T12:01:00Z'), NOW);
    expect(late.changed).toBe(false);
    expect(late.order.lastPaymentError?.message).toBe('second');
  });

  it.each(['PAID', 'FULFILLED', 'CANCELED'] as const)(
    'does nothing to a %s order (failed after succeeded never moves it back)',
    (status) => {
      expect(
        recordPaymentFailure(anOrder(status), declined('x', '2026-12-01T13:00:00Z'), NOW),
      ).toEqual({ order: anOrder(status), changed: false });
    },
  );
});

describe('PaymentCanceled', () => {
  it('cancels an unpaid order, once', () => {
    const first = cancelOnPaymentCanceled(anOrder(), NOW);
    expect(first).toMatchObject({ changed: true, order: { status: 'CANCELED' } });
    expect(cancelOnPaymentCanceled(first.order, NOW).changed).toBe(false);
  });

  it.each(['PAID', 'FULFILLED', 'FAILED'] as const)('does nothing to a %s order', (status) => {
    expect(cancelOnPaymentCanceled(anOrder(status), NOW).changed).toBe(false);
  });
});

describe('PaymentRefunded', () => {
  it('marks a fulfilled order PARTIALLY_REFUNDED, then REFUNDED once everything is back', () => {
    const part = recordRefund(anOrder('FULFILLED'), refund('re_1', 1000), NOW);
    expect(part.order).toMatchObject({ status: 'PARTIALLY_REFUNDED', amountRefunded: 1000 });
    const all = recordRefund(part.order, refund('re_2', 5644), NOW);
    expect(all.order).toMatchObject({
      status: 'REFUNDED',
      amountRefunded: 5644,
      lastRefundId: 're_2',
    });
  });

  it('ignores a refund it has already counted, or an older one arriving late', () => {
    const all = recordRefund(anOrder('FULFILLED'), refund('re_2', 5644), NOW).order;
    expect(recordRefund(all, refund('re_2', 5644), NOW).changed).toBe(false);
    expect(recordRefund(all, refund('re_1', 1000), NOW)).toEqual({ order: all, changed: false });
  });

  it.each(['PAID', 'FAILED'] as const)(
    'records the amount on a %s order without taking its status from the workflow',
    (status) => {
      const { order } = recordRefund(anOrder(status), refund('re_1', 5644), NOW);
      expect(order).toMatchObject({ status, amountRefunded: 5644 });
    },
  );
});

describe('PaymentDisputed', () => {
  it.each(['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'] as const)(
    'disputes a %s order',
    (status) => {
      const { order } = recordDispute(
        anOrder(status),
        { disputeId: 'dp_1', reason: 'fraudulent' },
        NOW,
      );
      expect(order).toMatchObject({ status: 'DISPUTED', dispute: { disputeId: 'dp_1' } });
    },
  );

  it.each(['CANCELED', 'REFUNDED', 'FAILED', 'DISPUTED'] as const)(
    'does nothing to a %s order',
    (status) => {
      expect(recordDispute(anOrder(status), { disputeId: 'dp_1', reason: 'x' }, NOW).changed).toBe(
        false,
      );
    },
  );
});
