import { PermanentEmailError, RefusedForNowError, TransientEmailError } from './email-errors.ts';
import type { EmailKey, EmailMessage } from './email-message.ts';
import type { EmailRecord, EmailRecordsPort, MailerPort, SuppressionsPort } from './ports.ts';
import { suppressedFailure } from './suppression.ts';

/**
 * How long an attempt may hold an email before another may take it over: longer than a sending
 * function can run (its timeout), so two live attempts never both send.
 */
export const LEASE_MS = 30_000;

export type SendResult =
  | { status: 'sent' | 'already-sent'; messageId: string }
  | { status: 'failed'; failure: string };

interface Deps {
  records: EmailRecordsPort;
  mailer: MailerPort;
  suppressions: SuppressionsPort;
  now: Date;
}

/** How errors and logs name an email. */
const describe = ({ orderId, template, fact }: EmailKey) =>
  `${template}${fact ? ` (${fact})` : ''} for ${orderId}`;

const leaseFrom = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();

/**
 * Sends one email per key (order, template and fact), whatever the number of deliveries, retries or replays:
 * the `sending` claim is written with `attribute_not_exists` before SES is called, and `sent`
 * with SES's MessageId after. SES has no idempotency key, so a crash between SES accepting the
 * message and the `sent` mark cannot be told apart from a crash before the call: once the
 * attempt's lease has run out the email is sent again. That is a deliberate at-least-once: a
 * buyer without their tickets is worse than a buyer with the same email twice, and the window is
 * one SES call. A permanent refusal is recorded `failed` (the order still completes), and so is
 * an email to an address that hard-bounced or complained, never handed to SES; only
 * `resendFailed` sends a failed email again.
 */
export const sendOnce = async (
  key: EmailKey & { businessId: string },
  message: EmailMessage,
  deps: Deps,
): Promise<SendResult> => {
  const record: EmailRecord = {
    ...key,
    message,
    status: 'sending',
    leaseUntil: leaseFrom(deps.now),
    attempts: 1,
  };
  const claimed = await deps.records.claim(record);
  if (claimed === 'claimed') return deliver(record, deps);
  if (claimed.status === 'sent')
    return { status: 'already-sent', messageId: claimed.messageId ?? '' };
  if (claimed.status === 'failed') return { status: 'failed', failure: claimed.failure ?? '' };
  return takeOver(claimed, deps);
};

/**
 * An operator's re-send: a `failed` email, or one left `sending` by an attempt that gave up (the
 * workflow stopped retrying; its lease has run out), sent once more however often asked.
 */
export const resendFailed = async (
  key: EmailKey,
  deps: Deps,
): Promise<SendResult | { status: 'not-found' }> => {
  const stored = await deps.records.find(key);
  if (!stored) return { status: 'not-found' };
  if (stored.status === 'sent')
    return { status: 'already-sent', messageId: stored.messageId ?? '' };
  return takeOver(stored, deps);
};

const takeOver = async (stored: EmailRecord, deps: Deps): Promise<SendResult> => {
  if (stored.status === 'sending' && stored.leaseUntil > deps.now.toISOString()) {
    throw new TransientEmailError(`${describe(stored)} is being sent by another attempt`);
  }
  const leaseUntil = leaseFrom(deps.now);
  if (!(await deps.records.retake(stored, leaseUntil))) {
    throw new TransientEmailError(`${describe(stored)} changed meanwhile`);
  }
  return deliver({ ...stored, status: 'sending', leaseUntil }, deps);
};

const deliver = async (record: EmailRecord, deps: Deps): Promise<SendResult> => {
  const suppressed = await deps.suppressions.find(record.message.to);
  if (suppressed) {
    const failure = suppressedFailure(suppressed);
    await deps.records.markFailed(record, failure);
    return { status: 'failed', failure };
  }
  let messageId: string;
  try {
    messageId = await deps.mailer.send(record.message);
  } catch (error) {
    if (error instanceof PermanentEmailError) {
      await deps.records.markFailed(record, error.message);
      return { status: 'failed', failure: error.message };
    }
    // SES answered that it did not take it: the next attempt need not wait for the lease. Any
    // other failure (a timeout) may have sent it; the lease then keeps retries off until it ends.
    if (error instanceof RefusedForNowError) {
      await deps.records.releaseLease(record, deps.now.toISOString());
    }
    throw new TransientEmailError(`SES could not send ${describe(record)}`, {
      cause: error,
    });
  }
  await deps.records.markSent(record, messageId);
  return { status: 'sent', messageId };
};
