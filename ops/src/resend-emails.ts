import { InvokeCommand } from '@aws-sdk/client-lambda';
import * as z from 'zod';
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

/**
 * Each email sent again by notifications' own operator function, which takes over the email's
 * failed record and sends once: a second call answers `already-sent`.
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
  const lambda = target.lambdaAs('notifications');
  for (const [i, { orderId, template }] of emails.entries()) {
    if (dryRun) {
      outcome.sent.push(orderId);
    } else {
      const answer = await lambda.send(
        new InvokeCommand({
          FunctionName: resender.name,
          Payload: new TextEncoder().encode(JSON.stringify({ orderId, template })),
        }),
      );
      const body = JSON.parse(new TextDecoder().decode(answer.Payload ?? new Uint8Array()));
      const resent = Resent.safeParse(body);
      if (answer.FunctionError || !resent.success) {
        outcome.failed.push({
          orderId,
          error: `${body?.errorType ?? 'unexpected answer'}: ${body?.errorMessage ?? JSON.stringify(body)}`,
        });
      } else if (resent.data.status === 'sent') {
        outcome.sent.push(orderId);
      } else if (resent.data.status === 'already-sent') {
        outcome.alreadySent.push(orderId);
      } else {
        outcome.failed.push({
          orderId,
          error: `${resent.data.status}${resent.data.failure ? `: ${resent.data.failure}` : ''}`,
        });
      }
    }
    onProgress(i + 1, emails.length);
  }
  return outcome;
};
