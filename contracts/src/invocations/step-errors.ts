/** Error names thrown by steps and matched by the ASL's Retry and Catch. */
export const StepErrors = {
  /** ConfirmHold: the hold is gone and too few seats remain to hold them again. */
  seatsUnavailable: 'SeatsUnavailable',
  /** ConfirmHold: the event was canceled after the order was placed; the payment is refunded. */
  eventCanceled: 'EventCanceled',
  /** EventCancellation's CancelOrder: the order's payment or fulfillment is under way; try later. */
  orderInFlight: 'OrderInFlight',
  /** A step's transient failure (throttling, a dependency down): retried with backoff. */
  transient: 'TransientStepError',
  /** SendConfirmation / SendApology: SES refused the message for good (after retries). */
  emailFailed: 'EmailFailed',
} as const;
