/** Error names thrown by steps and matched by the ASL's Retry and Catch. */
export const StepErrors = {
  /** ConfirmHold: the hold is gone and too few seats remain to hold them again. */
  seatsUnavailable: 'SeatsUnavailable',
  /** A step's transient failure (throttling, a dependency down): retried with backoff. */
  transient: 'TransientStepError',
  /** SendConfirmation / SendApology: SES refused the message for good (after retries). */
  emailFailed: 'EmailFailed',
} as const;
