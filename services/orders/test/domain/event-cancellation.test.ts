import type { OrderStatus } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { cancellationStep, markEventCanceled } from '../../src/domain/event-cancellation.ts';
import { orderRefunded } from '../../src/domain/order-events.ts';
import { recordRefund } from '../../src/domain/payment-facts.ts';
import { anOrder, NOW } from './order-fixture.ts';

describe("what an event's cancellation does to each order", () => {
  it.each<[OrderStatus, string]>([
    ['FULFILLED', 'refund'],
    ['PARTIALLY_REFUNDED', 'refund'],
    ['PENDING_PAYMENT', 'cancel-payment'],
    ['PAID', 'wait'],
    ['REFUNDED', 'nothing'],
    ['CANCELED', 'nothing'],
    ['FAILED', 'nothing'],
    ['DISPUTED', 'nothing'],
  ])('%s: %s', (status, step) => {
    expect(cancellationStep(anOrder(status))).toBe(step);
  });

  it('refunds a marked order again (the same refund) so a rerun still tells its buyer', () => {
    const marked = anOrder('REFUNDED', { eventCanceled: { reason: 'Rain' } });
    expect(cancellationStep(marked)).toBe('refund');
  });

  it('marks once, keeping the first reason', () => {
    const first = markEventCanceled(anOrder('FULFILLED'), 'Rain', NOW);
    expect(first).toMatchObject({ changed: true, order: { eventCanceled: { reason: 'Rain' } } });
    expect(markEventCanceled(first.order, 'Snow', NOW)).toMatchObject({ changed: false });
  });

  it("says the refund was the cancellation's in OrderRefunded, and only then", () => {
    const fulfilled = anOrder('FULFILLED');
    const refund = { refundId: 're_1', amountRefunded: fulfilled.amount };
    const plain = recordRefund(fulfilled, refund, NOW).order;
    const marked = recordRefund(markEventCanceled(fulfilled, 'Rain', NOW).order, refund, NOW).order;
    const data = (order: typeof plain) =>
      JSON.parse(
        orderRefunded(order as typeof plain & { status: 'REFUNDED' }, {
          refundId: 're_1',
          amount: fulfilled.amount,
        }).Detail,
      ).data;
    expect(data(plain).cause).toBeUndefined();
    expect(data(marked)).toMatchObject({ status: 'REFUNDED', cause: 'event-canceled' });
  });
});
