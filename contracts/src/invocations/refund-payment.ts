import * as z from 'zod';
import { OrderId, RefundId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineInvocation } from './define-invocation.ts';

/**
 * `payments.refundPayment`, for orders (an organizer's refund, and the fulfillment workflow's
 * RefundPayment step): a Stripe refund keyed by `refundRequestId`, so a retry never refunds twice.
 */
export const RefundPaymentInvocation = defineInvocation({
  ref: 'payments.refundPayment',
  request: z.object({
    orderId: OrderId,
    /** Stripe's idempotency key: `failed:<orderId>` for the workflow, a new id per organizer request. */
    refundRequestId: z.string().min(1).max(200),
    /** Omitted: everything not yet refunded. */
    amount: MinorUnits.optional(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  }),
  response: z.object({
    refundId: RefundId,
    amount: MinorUnits,
    currency: Currency,
    status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
  }),
});
