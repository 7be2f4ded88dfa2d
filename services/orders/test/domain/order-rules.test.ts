import type { MinorUnits, Principal, UserId } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { failureCause } from '../../src/domain/failure-cause.ts';
import { executionArnOf, shouldRedrive } from '../../src/domain/fulfillment-start.ts';
import { orderAccess, refundAccess } from '../../src/domain/order-access.ts';
import { toOrderView } from '../../src/domain/order-views.ts';
import { checkRefund } from '../../src/domain/refund-request.ts';
import { anOrder, aTicket } from './order-fixture.ts';

const user = (changes: Partial<Extract<Principal, { principalType: 'user' }>> = {}): Principal => ({
  principalType: 'user',
  userId: 'usr_0001',
  emailVerified: false,
  groups: [],
  memberships: [],
  ...changes,
});

describe('who reaches an order', () => {
  const order = anOrder('PENDING_PAYMENT', { buyerUserId: 'usr_buyer' as UserId });
  it.each([
    [
      'its order token',
      { principalType: 'order', orderId: 'ord_0001' } as Principal,
      'allowed',
      'not-member',
    ],
    [
      'another order token',
      { principalType: 'order', orderId: 'ord_0002' } as Principal,
      'not-member',
      'not-member',
    ],
    [
      'its buyer, by verified email in any case',
      user({ email: 'ana@example.COM', emailVerified: true }),
      'allowed',
      'not-member',
    ],
    [
      "a user claiming the buyer's email unverified",
      user({ email: 'ana@example.com', emailVerified: false }),
      'not-member',
      'not-member',
    ],
    ['the user who placed it signed in', user({ userId: 'usr_buyer' }), 'allowed', 'not-member'],
    [
      'another user',
      user({ email: 'bob@example.com', emailVerified: true }),
      'not-member',
      'not-member',
    ],
    [
      'an owner of its business',
      user({ memberships: [{ businessId: 'biz_0001', role: 'owner' }] }),
      'allowed',
      'allowed',
    ],
    [
      'a manager of its business',
      user({ memberships: [{ businessId: 'biz_0001', role: 'manager' }] }),
      'allowed',
      'allowed',
    ],
    [
      'staff of its business',
      user({ memberships: [{ businessId: 'biz_0001', role: 'staff' }] }),
      'forbidden',
      'forbidden',
    ],
    [
      'an owner of another business',
      user({ memberships: [{ businessId: 'biz_0002', role: 'owner' }] }),
      'not-member',
      'not-member',
    ],
  ])('%s: sees %s, refunds %s', (_who, principal, sees, refunds) => {
    expect(orderAccess(principal, order)).toBe(sees);
    expect(refundAccess(principal, order)).toBe(refunds);
  });
});

describe('the order as the API shows it', () => {
  it('shows the last decline while unpaid, and tickets only while they are valid', () => {
    const error = { type: 'card_error', message: 'Declined' };
    expect(toOrderView(anOrder('PENDING_PAYMENT', { lastPaymentError: error }))).toMatchObject({
      lastPaymentError: error,
      tickets: [],
    });
    const tickets = [aTicket(0)];
    expect(toOrderView(anOrder('FULFILLED', { tickets })).tickets).toEqual(tickets);
    expect(toOrderView(anOrder('REFUNDED', { tickets })).tickets).toEqual([]);
    expect(toOrderView(anOrder('DISPUTED', { tickets })).tickets).toEqual([]);
    expect(toOrderView(anOrder('PAID', { lastPaymentError: error }))).not.toHaveProperty(
      'lastPaymentError',
    );
  });
});

describe('an organizer refund', () => {
  const amount = (n: number) => n as MinorUnits;
  it('refunds what is left by default, or a part of it', () => {
    expect(checkRefund(anOrder('FULFILLED'), undefined)).toEqual({ ok: true, amount: 5644 });
    const part = anOrder('PARTIALLY_REFUNDED', { amountRefunded: amount(644) });
    expect(checkRefund(part, amount(1000))).toEqual({ ok: true, amount: 1000 });
    expect(checkRefund(part, undefined)).toEqual({ ok: true, amount: 5000 });
  });

  it('refuses more than is left, and an order that is not fulfilled', () => {
    const part = anOrder('PARTIALLY_REFUNDED', { amountRefunded: amount(644) });
    expect(checkRefund(part, amount(5001))).toMatchObject({
      ok: false,
      reason: 'too-much',
      left: 5000,
    });
    for (const status of ['PENDING_PAYMENT', 'PAID', 'REFUNDED', 'FAILED', 'DISPUTED'] as const) {
      expect(checkRefund(anOrder(status), undefined)).toMatchObject({
        ok: false,
        reason: 'not-refundable',
      });
    }
  });
});

describe('starting fulfillment again', () => {
  it('redrives an execution that failed or timed out on the way, nothing else', () => {
    expect(shouldRedrive({ status: 'FAILED', error: 'Lambda.ServiceException' })).toBe(true);
    expect(shouldRedrive({ status: 'TIMED_OUT' })).toBe(true);
    expect(shouldRedrive({ status: 'FAILED', error: 'OrderFailed' })).toBe(false);
    for (const status of ['RUNNING', 'SUCCEEDED', 'ABORTED']) {
      expect(shouldRedrive({ status })).toBe(false);
    }
  });

  it('names the execution as AWS does', () => {
    expect(
      executionArnOf(
        'arn:aws:states:us-east-1:000000000000:stateMachine:orders-OrderFulfillment',
        'ord_1',
      ),
    ).toBe('arn:aws:states:us-east-1:000000000000:execution:orders-OrderFulfillment:ord_1');
  });
});

describe('why an order failed', () => {
  it("keeps a failed function's message, not its whole error payload", () => {
    const payload = JSON.stringify({
      errorType: 'SeatsUnavailable',
      errorMessage: 'sold out',
      trace: ['a'],
    });
    expect(failureCause(payload)).toBe('sold out');
    expect(failureCause('plain words')).toBe('plain words');
    expect(failureCause('x'.repeat(900))).toHaveLength(500);
    expect(failureCause(undefined)).toBeUndefined();
  });
});
