/** How the fulfillment workflow ends an order it could not fulfil (its Fail state's error). */
export const ORDER_FAILED_ERROR = 'OrderFailed';

/** `arn:...:stateMachine:<machine>` + name → `arn:...:execution:<machine>:<name>`, as AWS names it. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * Whether a PaymentSucceeded seen again should redrive the order's existing execution: yes when
 * it failed or timed out on the way; no when it ended the order on purpose (the refund path's
 * OrderFailed), when an operator stopped it (ABORTED), or while it runs or after it succeeded.
 */
export const shouldRedrive = (execution: { status?: string; error?: string }) =>
  (execution.status === 'FAILED' && execution.error !== ORDER_FAILED_ERROR) ||
  execution.status === 'TIMED_OUT';
