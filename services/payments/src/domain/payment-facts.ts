import {
  type EventEntry,
  type EventMetadata,
  PaymentCanceled,
  PaymentDisputed,
  PaymentFailed,
  PaymentRefunded,
  PaymentSucceeded,
} from '@mytabs/contracts';

/**
 * Stripe's objects reduced to what the domain events say, read from Stripe again rather than from
 * the webhook's snapshot. Each fact's idempotency key names the business fact, never the Stripe
 * event id, so one change sent under several event ids is still one fact.
 */
export interface IntentView {
  id: string;
  status: string;
  amount: number;
  currency: string;
  /** `metadata.orderId`: absent on a PaymentIntent this service did not create. */
  orderId: string | undefined;
  latestChargeId: string | undefined;
  cancellationReason: string | undefined;
}

export interface FailedAttempt {
  /** The declined charge: the attempt's identity. */
  chargeId: string;
  type: string;
  code: string | undefined;
  declineCode: string | undefined;
  message: string;
}

export interface RefundView {
  id: string;
  amount: number;
  status: string;
  /** Epoch seconds. */
  created: number;
  reason: string | undefined;
}

export interface DisputeView {
  id: string;
  chargeId: string;
  amount: number;
  currency: string;
  reason: string;
}

/** A built domain event, its metadata at hand for the idempotency key. */
export type Fact = EventEntry & { detail: { metadata: EventMetadata } };

const options = (orderId: string, idempotencyKey: string) => ({
  idempotencyKey,
  correlationId: orderId,
});

export const paymentSucceeded = (pi: IntentView): Fact[] =>
  pi.orderId && pi.status === 'succeeded'
    ? [
        PaymentSucceeded.build(
          {
            orderId: pi.orderId,
            paymentIntentId: pi.id,
            amount: pi.amount,
            currency: pi.currency,
            ...(pi.latestChargeId && { latestChargeId: pi.latestChargeId }),
          },
          options(pi.orderId, `PaymentSucceeded:${pi.id}`),
        ),
      ]
    : [];

/** A declined attempt stays a fact even if a later attempt succeeded: orders never moves back. */
export const paymentFailed = (pi: IntentView, attempt: FailedAttempt): Fact[] =>
  pi.orderId
    ? [
        PaymentFailed.build(
          {
            orderId: pi.orderId,
            paymentIntentId: pi.id,
            amount: pi.amount,
            currency: pi.currency,
            lastPaymentError: {
              type: attempt.type,
              ...(attempt.code && { code: attempt.code }),
              ...(attempt.declineCode && { declineCode: attempt.declineCode }),
              message: attempt.message,
            },
          },
          options(pi.orderId, `PaymentFailed:${pi.id}:${attempt.chargeId}`),
        ),
      ]
    : [];

export const paymentCanceled = (pi: IntentView): Fact[] =>
  pi.orderId && pi.status === 'canceled'
    ? [
        PaymentCanceled.build(
          {
            orderId: pi.orderId,
            paymentIntentId: pi.id,
            ...(pi.cancellationReason && { cancellationReason: pi.cancellationReason }),
          },
          options(pi.orderId, `PaymentCanceled:${pi.id}`),
        ),
      ]
    : [];

/**
 * One PaymentRefunded per succeeded refund of the charge, each with the total refunded up to and
 * including it: the same numbers whichever refund event brought them. `refunds` come oldest
 * first (Stripe's list order, reversed): refunds made within one second keep that order.
 */
export const paymentRefunded = (
  pi: IntentView,
  charge: { amount: number; currency: string },
  refunds: readonly RefundView[],
): Fact[] => {
  const { orderId } = pi;
  if (!orderId) return [];
  let refundedSoFar = 0;
  return [...refunds]
    .filter((r) => r.status === 'succeeded')
    .sort((a, b) => a.created - b.created)
    .map((refund) => {
      refundedSoFar += refund.amount;
      return PaymentRefunded.build(
        {
          orderId,
          paymentIntentId: pi.id,
          refundId: refund.id,
          amount: refund.amount,
          amountRefunded: refundedSoFar,
          amountPaid: charge.amount,
          currency: charge.currency,
          ...(refund.reason && { reason: refund.reason }),
        },
        options(orderId, `PaymentRefunded:${refund.id}`),
      );
    });
};

export const paymentDisputed = (pi: IntentView, dispute: DisputeView): Fact[] =>
  pi.orderId
    ? [
        PaymentDisputed.build(
          {
            orderId: pi.orderId,
            paymentIntentId: pi.id,
            chargeId: dispute.chargeId,
            disputeId: dispute.id,
            amount: dispute.amount,
            currency: dispute.currency,
            reason: dispute.reason,
          },
          options(pi.orderId, `PaymentDisputed:${dispute.id}`),
        ),
      ]
    : [];
