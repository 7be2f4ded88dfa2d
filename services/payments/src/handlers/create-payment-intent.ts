import { newId, OrderId, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, MetricUnit, metrics } from '@mytabs/lambda-kit';
import { checkoutKeys } from '../adapters/checkout-key-records.ts';
import { checkoutPorts } from '../adapters/checkout-ports.ts';
import { stripeClient } from '../adapters/stripe-client.ts';
import { fingerprint } from '../domain/cart-fingerprint.ts';
import { attendeesProblem } from '../domain/checkout-checks.ts';
import { CartRefused } from '../domain/checkout-refusals.ts';
import { placeOrder } from '../domain/place-order.ts';
import { checkoutProblem } from '../http/checkout-problems.ts';

/**
 * `POST /payments/createPaymentIntent`. With an `Idempotency-Key`, the kit runs the request once
 * per key (a duplicate in flight is told 409, another body 422, a finished one gets its answer
 * again) and the key names one order for good: the first request claims it with a new order id
 * and a digest of its body, and a retry after a crash finishes the same order's steps.
 */
export const handler = httpHandler(
  operations.createPaymentIntent,
  async ({ body, headers, principal }) => {
    const attendees = attendeesProblem(body.items, body.attendees);
    if (attendees) throw new HttpProblem(400, 'Too many attendees.', { errors: [attendees] });
    // Before any seat is held or order created: without Stripe none could be paid.
    await stripeClient().catch((error: unknown) => {
      throw checkoutProblem(error);
    });
    const key = headers['idempotency-key'];
    let orderId = newId('ord');
    if (key) {
      const requestFingerprint = fingerprint(body);
      const claim = await checkoutKeys.claim(key, { requestFingerprint, orderId });
      if (claim.requestFingerprint !== requestFingerprint) {
        throw new HttpProblem(422, 'This Idempotency-Key was used with another request.', {
          errors: [{ path: 'headers.idempotency-key', message: 'was used with another body' }],
        });
      }
      if (claim.response) return { status: 201, body: claim.response };
      if (claim.refusal) {
        throw new HttpProblem(claim.refusal.status, claim.refusal.detail, claim.refusal.extra);
      }
      orderId = OrderId.parse(claim.orderId);
    }
    try {
      const response = await placeOrder(orderId, body, principal?.userId, checkoutPorts());
      // A replayed key answers above, before this line: each PaymentIntent is counted once.
      metrics.addMetric('PaymentIntentsCreated', MetricUnit.Count, 1);
      if (key) await checkoutKeys.complete(key, response);
      return { status: 201, body: response };
    } catch (error) {
      const problem = checkoutProblem(error);
      if (error instanceof CartRefused && error.afterPayment && key) {
        // The refused hold canceled the order's PaymentIntent: the key's answer is final, as at Stripe.
        const refusal = problem as HttpProblem;
        await checkoutKeys.refuse(key, {
          status: refusal.status,
          detail: refusal.detail,
          extra: refusal.extra,
        });
      }
      throw problem;
    }
  },
  // The checkout is open to anyone: every caller's keys are one space, as at Stripe.
  { idempotency: { scope: () => 'checkout' } },
);
