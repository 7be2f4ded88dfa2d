import { StepErrors } from '@mytabs/contracts';

/** A failure worth retrying as it is: the caller (a workflow's Retry, Lambda) tries again later. */
export class TransientStepError extends Error {
  override name = StepErrors.transient;
}

const TRANSIENT_STRIPE_ERRORS = new Set([
  'StripeConnectionError',
  'StripeAPIError',
  'StripeRateLimitError',
  'StripeLockTimeoutError',
]);

/**
 * Whether an error says "not now" rather than "no": an AWS SDK error the SDK itself deems
 * retryable (throttling, 5xx, timeouts), a Stripe connection, API or rate-limit error, or our
 * own bus refusing a batch. Anything else is an answer, and retrying it would only repeat it.
 */
export const isTransient = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const aws = error as Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (aws.$retryable !== undefined) return true;
  if ((aws.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (error.name === 'TimeoutError' || error.name === 'PublishError') return true;
  const stripeType = (error as { type?: unknown }).type;
  return typeof stripeType === 'string' && TRANSIENT_STRIPE_ERRORS.has(stripeType);
};
