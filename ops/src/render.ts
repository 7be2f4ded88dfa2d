import type { DeadLetter, RedriveOutcome } from './dead-letters.ts';
import type { ExecutionRedrive, FailedExecution } from './executions.ts';
import type { ResendOutcome } from './resend-emails.ts';
import type { ResumeOutcome } from './resume-orders.ts';
import type { Status } from './status.ts';
import type { StuckOrder } from './stuck-orders.ts';

const list = <T>(title: string, items: T[], line: (item: T) => string) =>
  items.length === 0
    ? `${title}: none`
    : [`${title}: ${items.length}`, ...items.map((i) => `  ${line(i)}`)].join('\n');

export const executionsText = (executions: FailedExecution[]) =>
  list(
    'failed executions',
    executions,
    (e) =>
      `${e.name}  ${e.status} ${e.error}${e.redrivable ? '' : ' (ended on purpose: not redriven)'}  ${e.stopDate ?? ''}`,
  );

export const stuckText = (orders: StuckOrder[]) =>
  list('stuck orders', orders, (o) => `${o.orderId}  ${o.status}  ${o.reason}  ${o.minutes} min`);

export const statusText = (s: Status) =>
  [
    `stage ${s.stage}`,
    list(`dead letters (${s.deadLetterTotal})`, s.deadLetters, (d) => `${d.queue}  ${d.depth}`),
    executionsText(s.failedExecutions),
    stuckText(s.stuckOrders),
    list('unsent emails', s.unsentEmails, (u) => `${u.orderId}  ${u.email}`),
    list('unsent apologies', s.unsentApologies, (u) => `${u.orderId}  ${u.email}`),
  ].join('\n');

export const lettersText = (queue: string, letters: Omit<DeadLetter, 'receiptHandle'>[]) =>
  list(`letters in ${queue}`, letters, (l) => {
    const event = l.event as { 'detail-type'?: string; detail?: { data?: unknown } };
    return `${l.messageId}  ${l.from}  ${event['detail-type'] ?? ''} ${JSON.stringify(event.detail?.data ?? {})}\n    ${l.error}`;
  });

export const redriveText = (outcomes: RedriveOutcome[], dryRun: boolean) =>
  outcomes
    .map(
      (o) =>
        `${o.queue} → ${o.function}: ${o.delivered.length} ${dryRun ? 'would be delivered' : 'delivered and deleted'}, ${o.failed.length} failed again${o.failed.map((f) => `\n  ${f.messageId}  ${f.error}`).join('')}`,
    )
    .join('\n') || 'no letters';

export const executionRedriveText = (r: ExecutionRedrive, dryRun: boolean) =>
  [
    `${r.redriven.length} ${dryRun ? 'would be redriven' : 'redriven'}`,
    ...r.skipped.map((s) => `  skipped ${s.name}: ${s.why}`),
    ...r.failed.map((f) => `  failed ${f.name}: ${f.error}`),
  ].join('\n');

export const resumeText = (r: ResumeOutcome, dryRun: boolean) =>
  [
    `${r.resumed.length} ${dryRun ? 'would be resumed' : 'resumed'}`,
    ...r.failed.map((f) => `  failed ${f.orderId}: ${f.error}`),
  ].join('\n');

export const resendText = (r: ResendOutcome, dryRun: boolean) =>
  [
    `${r.sent.length} ${dryRun ? 'would be sent' : 'sent'}, ${r.alreadySent.length} had been sent already`,
    ...r.failed.map((f) => `  failed ${f.orderId}: ${f.error}`),
  ].join('\n');
