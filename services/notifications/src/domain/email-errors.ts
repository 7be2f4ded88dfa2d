import { StepErrors } from '@mytabs/contracts';

/** SES refused this message for good (rejected, sender not verified...): retrying will not help. */
export class PermanentEmailError extends Error {
  override name = 'PermanentEmailError';
}

/** Worth another try later: SES throttled or was down, or another attempt holds the email. */
export class TransientEmailError extends Error {
  override name = StepErrors.transient;
}

/** SES answered with an error for now (throttled, down): it did not take the message. */
export class RefusedForNowError extends Error {
  override name = 'RefusedForNowError';
}
