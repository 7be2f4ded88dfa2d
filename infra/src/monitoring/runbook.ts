/**
 * Where each alarm's answer is: a section of the recovery runbook, by its Markdown anchor. A test
 * checks every anchor against the headings of `docs/runbooks/recovery.md`.
 */
export const RUNBOOK = 'docs/runbooks/recovery.md';

export const runbookSections = {
  lambdaErrors: 'a-function-failing',
  apiErrors: 'the-api-answering-5xx-or-slowly',
  dynamodbThrottles: 'dynamodb-throttling',
  deadLetters: 'a-dead-letter-alarm',
  failedExecutions: 'a-failed-orderfulfillment-execution',
  webhookSignatures: 'webhook-signatures-failing',
  stuckOrders: 'a-paid-order-not-fulfilled',
  emailReputation: 'bounces-and-complaints-near-sess-limits',
  stripeNotConfigured: 'stripe-not-configured',
  originErrors: 'the-sites-origin-errors',
} as const;
export type RunbookSection = keyof typeof runbookSections;

/** An alarm's description: what it means, then where the runbook answers it (AWS allows 1024). */
export const describeAlarm = (meaning: string, section: RunbookSection) =>
  `${meaning} Runbook: ${RUNBOOK}#${runbookSections[section]}`;
