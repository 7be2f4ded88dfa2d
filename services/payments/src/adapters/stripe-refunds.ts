import Stripe from 'stripe';
import { RefundRejected } from '../domain/payment-errors.ts';
import { decideRefund } from '../domain/refund-amount.ts';
import { stripeClient } from './stripe-client.ts';

export interface RefundRequest {
  orderId: string;
  paymentIntentId: string;
  refundRequestId: string;
  amount: number | undefined;
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | undefined;
}

/**
 * A refund of the order's charge, made once per refund request: Stripe's idempotency key covers
 * a retry within its 24 hours, and the request id in the refund's metadata finds it after that,
 * before the amount check that would otherwise see the first refund as an over-refund.
 */
export const refundOnce = async (request: RefundRequest): Promise<Stripe.Refund> => {
  const stripe = await stripeClient();
  const existing = (
    await stripe.refunds
      .list({ payment_intent: request.paymentIntentId, limit: 100 })
      .autoPagingToArray({ limit: 1000 })
  ).find((r) => r.metadata?.refundRequestId === request.refundRequestId);
  if (existing) return existing;

  const pi = await stripe.paymentIntents.retrieve(request.paymentIntentId, {
    expand: ['latest_charge'],
  });
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  const decision = decideRefund(
    {
      paid: pi.status === 'succeeded' && charge !== null,
      amount: charge?.amount ?? 0,
      refunded: charge?.amount_refunded ?? 0,
    },
    request.amount,
  );
  if (!decision.ok) throw new RefundRejected(decision.message);
  try {
    return await stripe.refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: decision.amount,
        ...(request.reason && { reason: request.reason }),
        metadata: { orderId: request.orderId, refundRequestId: request.refundRequestId },
      },
      { idempotencyKey: `refund:${request.refundRequestId}` },
    );
  } catch (error) {
    // A concurrent refund of the same charge may have taken what was left.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code) {
      if (['amount_too_large', 'charge_already_refunded', 'charge_disputed'].includes(error.code)) {
        throw new RefundRejected(error.message);
      }
    }
    throw error;
  }
};
