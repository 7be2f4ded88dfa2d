import { SendApologyStep, SendConfirmationStep } from '@mytabs/contracts';
import * as z from 'zod';
import { invokeFunction } from './invoke.ts';
import { lastStepInput } from './step-input.ts';
import type { Target } from './target.ts';

/** What `notifications.resendEmail` answers (its own contract, read as any outside input). */
const Resent = z.object({
  status: z.enum(['sent', 'already-sent', 'failed', 'not-found']),
  failure: z.string().optional(),
});

export interface ResendOutcome {
  sent: string[];
  alreadySent: string[];
  failed: { orderId: string; error: string }[];
}

/** An order's email by notifications' name of its template: its confirmation, or its apology. */
export interface EmailToResend {
  orderId: string;
  template: 'order-confirmation' | 'order-failed';
}

/** The fulfillment step that sends each template: where an email notifications never got starts. */
const SENDING_STEP = {
  'order-confirmation': SendConfirmationStep,
  'order-failed': SendApologyStep,
} as const;

const FULFILLMENT = { service: 'orders', workflow: 'OrderFulfillment' } as const;

/**
 * An email whose step never reached notifications (the function failed for good, its worker died)
 * has no record to resend: the step is run again with the input the workflow last gave it, read
 * from the execution's history, as the workflow would (the sending step sends once per order).
 */
const sendFromWorkflow = async (
  target: Target,
  { orderId, template }: EmailToResend,
): Promise<z.infer<typeof Resent>> => {
  const step = SENDING_STEP[template];
  const sender = target.plan.functions.find((f) => f.ref === step.ref);
  if (!sender) throw new Error(`stage ${target.stage} has no ${step.ref}`);
  const input = await lastStepInput(target, FULFILLMENT, orderId, sender.name);
  if (input === undefined) return { status: 'not-found' };
  const request = step.request.safeParse(input);
  if (!request.success) return { status: 'failed', failure: 'unreadable step input' };
  const { answer, error } = await invokeFunction(
    target.lambdaAs(FULFILLMENT.service),
    sender.name,
    request.data,
  );
  const sent = step.response.safeParse(answer);
  if (error || !sent.success) {
    return { status: 'failed', failure: error ?? `unexpected answer: ${JSON.stringify(answer)}` };
  }
  return sent.data;
};

/** One email through notifications' `resendEmail`, or through its workflow step when notifications never got it. */
const resendOne = async (
  target: Target,
  resender: string,
  email: EmailToResend,
): Promise<z.infer<typeof Resent>> => {
  const { answer, error } = await invokeFunction(target.lambdaAs('notifications'), resender, email);
  const resent = Resent.safeParse(answer);
  if (error || !resent.success) {
    return { status: 'failed', failure: error ?? `unexpected answer: ${JSON.stringify(answer)}` };
  }
  return resent.data.status === 'not-found' ? sendFromWorkflow(target, email) : resent.data;
};

/**
 * Each email sent again by notifications' own operator function, which takes over the email's
 * failed record and sends once: a second call answers `already-sent`. One it never received is
 * sent by its workflow step instead (`sendFromWorkflow`).
 */
export const resendEmails = async (
  target: Target,
  emails: EmailToResend[],
  {
    dryRun,
    onProgress = () => {},
  }: { dryRun: boolean; onProgress?: (done: number, of: number) => void },
): Promise<ResendOutcome> => {
  const resender = target.plan.functions.find((f) => f.ref === 'notifications.resendEmail');
  if (!resender) throw new Error(`stage ${target.stage} has no notifications.resendEmail`);
  const outcome: ResendOutcome = { sent: [], alreadySent: [], failed: [] };
  for (const [i, email] of emails.entries()) {
    const resent = dryRun
      ? { status: 'sent' as const }
      : await resendOne(target, resender.name, email);
    if (resent.status === 'sent') outcome.sent.push(email.orderId);
    else if (resent.status === 'already-sent') outcome.alreadySent.push(email.orderId);
    else {
      outcome.failed.push({
        orderId: email.orderId,
        error: `${resent.status}${resent.failure ? `: ${resent.failure}` : ''}`,
      });
    }
    onProgress(i + 1, emails.length);
  }
  return outcome;
};
