import { expect, it } from 'vitest';
import { isTransient } from '../src/transient-error.ts';

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name }, extra);

it('tells "not now" (throttling, 5xx, timeouts, Stripe outages, a refusing bus) from "no"', () => {
  expect(isTransient(named('ThrottlingException', { $retryable: { throttling: true } }))).toBe(
    true,
  );
  expect(isTransient(named('InternalServerError', { $metadata: { httpStatusCode: 500 } }))).toBe(
    true,
  );
  expect(isTransient(named('TimeoutError'))).toBe(true);
  expect(isTransient(named('PublishError'))).toBe(true);
  expect(isTransient(named('Error', { type: 'StripeConnectionError' }))).toBe(true);
  expect(isTransient(named('Error', { type: 'StripeRateLimitError' }))).toBe(true);

  expect(isTransient(named('SeatsUnavailable'))).toBe(false);
  expect(
    isTransient(named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } })),
  ).toBe(false);
  expect(isTransient(named('Error', { type: 'StripeCardError' }))).toBe(false);
  expect(isTransient('a string')).toBe(false);
});
