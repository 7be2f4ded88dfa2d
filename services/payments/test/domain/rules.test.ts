import { PaymentFailed, PaymentRefunded, PaymentSucceeded } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { cartFingerprint } from '../../src/domain/cart-fingerprint.ts';
import {
  type IntentView,
  paymentFailed,
  paymentRefunded,
  paymentSucceeded,
} from '../../src/domain/payment-facts.ts';
import { acceptQuote } from '../../src/domain/quote-acceptance.ts';
import { decideRefund } from '../../src/domain/refund-amount.ts';

const address = { country: 'US', postalCode: '10036', state: 'NY' };

describe('cart fingerprints', () => {
  it('ignore the order of items but not the address', () => {
    const a = { ticketTypeId: 'tt_aaaa', quantity: 1 };
    const b = { ticketTypeId: 'tt_bbbb', quantity: 2 };
    const fp = cartFingerprint({ eventId: 'ev_1234', items: [a, b] as never, address });
    expect(cartFingerprint({ eventId: 'ev_1234', items: [b, a] as never, address })).toBe(fp);
    expect(
      cartFingerprint({
        eventId: 'ev_1234',
        items: [a, b] as never,
        address: { ...address, postalCode: '10001' },
      }),
    ).not.toBe(fp);
  });
});

describe('accepting a client’s taxCalculationId', () => {
  const record = {
    taxCalculationId: 'taxcalc_1',
    cartFingerprint: 'fp',
    currency: 'usd',
    total: 1000,
    expiresAt: 2000,
  };
  const expected = { cartFingerprint: 'fp', total: 1000, currency: 'usd' };
  it.each([
    ['unknown', undefined, expected, 1000],
    ['other-cart', record, { ...expected, cartFingerprint: 'other' }, 1000],
    ['expired', record, expected, 2000],
    ['price-changed', record, { ...expected, total: 1001 }, 1000],
  ] as const)('refuses one that is %s', (reason, stored, wanted, now) => {
    expect(acceptQuote(stored, wanted, now)).toMatchObject({ ok: false, reason });
  });
  it('accepts its own, live, for the same cart and total', () => {
    expect(acceptQuote(record, expected, 1000)).toEqual({ ok: true });
  });
});

describe('refund amounts', () => {
  const paid = { paid: true, amount: 5000, refunded: 1000 };
  it('refunds what is left by default, or the amount asked for', () => {
    expect(decideRefund(paid, undefined)).toEqual({ ok: true, amount: 4000 });
    expect(decideRefund(paid, 2500)).toEqual({ ok: true, amount: 2500 });
  });
  it('refuses more than is left, an unpaid order, and a fully refunded one', () => {
    expect(decideRefund(paid, 4001)).toMatchObject({ ok: false, reason: 'over-refund' });
    expect(decideRefund({ ...paid, paid: false }, 1)).toMatchObject({ reason: 'not-paid' });
    expect(decideRefund({ ...paid, refunded: 5000 }, undefined)).toMatchObject({
      reason: 'nothing-left',
    });
  });
});

describe('payment facts', () => {
  const pi: IntentView = {
    id: 'pi_123',
    status: 'succeeded',
    amount: 5000,
    currency: 'usd',
    orderId: 'ord_1234',
    latestChargeId: 'ch_9',
    cancellationReason: undefined,
  };
  const keyOf = (entry: { Detail: string }) =>
    (JSON.parse(entry.Detail) as { metadata: { idempotencyKey: string } }).metadata.idempotencyKey;

  it('name the business fact in their idempotency keys', () => {
    const [succeeded] = paymentSucceeded(pi);
    expect(succeeded?.DetailType).toBe(PaymentSucceeded.detailType);
    expect(succeeded && keyOf(succeeded)).toBe('PaymentSucceeded:pi_123');
    const [failed] = paymentFailed(
      { ...pi, status: 'requires_payment_method' },
      {
        chargeId: 'ch_1',
        type: 'card_error',
        code: 'card_declined',
        declineCode: undefined,
        message: 'Declined',
      },
    );
    expect(failed?.DetailType).toBe(PaymentFailed.detailType);
    expect(failed && keyOf(failed)).toBe('PaymentFailed:pi_123:ch_1');
  });

  it('state only what Stripe says now: no success for a PaymentIntent that has not succeeded', () => {
    expect(paymentSucceeded({ ...pi, status: 'requires_payment_method' })).toEqual([]);
    expect(paymentSucceeded({ ...pi, orderId: undefined })).toEqual([]);
  });

  it('count refunds oldest first, each with the total refunded so far', () => {
    const entries = paymentRefunded(pi, { amount: 5000, currency: 'usd' }, [
      { id: 're_1', amount: 1000, status: 'succeeded', created: 10, reason: 'duplicate' },
      { id: 're_2', amount: 500, status: 'succeeded', created: 10, reason: undefined },
      { id: 're_3', amount: 700, status: 'failed', created: 30, reason: undefined },
    ]);
    expect(entries.every((e) => e.DetailType === PaymentRefunded.detailType)).toBe(true);
    expect(entries.map((e) => JSON.parse(e.Detail).data)).toEqual([
      expect.objectContaining({ refundId: 're_1', amount: 1000, amountRefunded: 1000 }),
      expect.objectContaining({ refundId: 're_2', amount: 500, amountRefunded: 1500 }),
    ]);
    expect(entries.map(keyOf)).toEqual(['PaymentRefunded:re_1', 'PaymentRefunded:re_2']);
  });
});
