import { HttpProblem, httpHandler, newId, OrderId, operations } from '@mytabs/contracts';
import { idempotencyKeys } from '../adapters/records.ts';
import { fingerprint } from '../domain/cart-fingerprint.ts';
import { attendeesProblem } from '../domain/checkout-checks.ts';
import { HoldRefused } from '../domain/refusal-problem.ts';
import { placeOrder } from '../place-order.ts';
import { upstreamProblem } from '../upstream-problem.ts';

/**
 * `POST /payments/createPaymentIntent`. An `Idempotency-Key` names one order: the first request
 * claims the key with a new order id and a digest of its body; a retry gets the stored answer, or
 * finishes the same order's steps; another body under the same key is refused (422).
 */
export const handler = httpHandler(
  operations.createPaymentIntent,
  async ({ body, headers, principal }) => {
    const attendees = attendeesProblem(body.items, body.attendees);
    if (attendees) throw new HttpProblem(400, 'Too many attendees.', { errors: [attendees] });
    const key = headers['idempotency-key'];
    let orderId = newId('ord');
    if (key) {
      const requestFingerprint = fingerprint(body);
      const claim = await idempotencyKeys.claim(key, { requestFingerprint, orderId });
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
      const response = await placeOrder(orderId, body, principal?.userId);
      if (key) await idempotencyKeys.complete(key, response);
      return { status: 201, body: response };
    } catch (error) {
      if (error instanceof HoldRefused && key) {
        // The refused hold canceled the order's PaymentIntent: the key's answer is final, as at Stripe.
        await idempotencyKeys.refuse(key, {
          status: error.status,
          detail: error.detail,
          extra: error.extra,
        });
      }
      throw upstreamProblem(error);
    }
  },
);
