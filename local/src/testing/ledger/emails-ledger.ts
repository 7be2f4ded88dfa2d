import type { Item, LedgerBreak, SentEmail } from './ledger.ts';

/** How identity's invitation starts its subject (services/identity/src/domain/invitation-email.ts). */
const INVITATION_SUBJECT = 'You are invited to join ';

/**
 * Emails, notifications' send records (`email#…`) against what the local SES accepted (its
 * store): every `sent` record names, by its MessageId, exactly one accepted email, to the
 * record's address and with its subject; every accepted email is the send of such a record, or
 * one of identity's invitations, which keep no record to match (an invitation is deleted once
 * accepted or withdrawn, its `emailSentAt` with it). Records `sending` or `failed` name no MessageId:
 * SES refused them (a refusal or a fault), or a suppressed address kept them from it, so they
 * match nothing; an email SES took while its record stayed `sending` shows as a send without
 * its record. A bounce or a complaint comes after SES accepted, so the record is `sent`.
 */
export const emailsLedger = (
  notifications: readonly Item[],
  sent: readonly SentEmail[],
): LedgerBreak[] => {
  const breaks: LedgerBreak[] = [];
  const byId = new Map<string, SentEmail[]>();
  for (const email of sent)
    byId.set(email.messageId, [...(byId.get(email.messageId) ?? []), email]);
  const recorded = new Set<string>();
  for (const record of notifications.filter((i) => i.type === 'email' && i.status === 'sent')) {
    const messageId = record.messageId as string;
    const message = record.message as { to: string; subject: string };
    const subject = `email ${record.pk as string}`;
    recorded.add(messageId);
    const sends = byId.get(messageId) ?? [];
    if (sends.length !== 1) {
      breaks.push({
        invariant: 'emails',
        subject,
        detail: `sent as ${messageId}, which SES accepted ${sends.length} times`,
      });
      continue;
    }
    const [send] = sends as [SentEmail];
    if (!send.destination.to.includes(message.to) || send.subject !== message.subject) {
      breaks.push({
        invariant: 'emails',
        subject,
        detail: `records "${message.subject}" to ${message.to}, SES took "${send.subject}" to ${send.destination.to.join(', ')}`,
      });
    }
  }
  const unrecorded = sent.filter(
    (email) => !recorded.has(email.messageId) && !email.subject.startsWith(INVITATION_SUBJECT),
  );
  for (const email of unrecorded) {
    breaks.push({
      invariant: 'emails',
      subject: `SES message ${email.messageId}`,
      detail: `"${email.subject}" to ${email.destination.to.join(', ')} was sent without a record`,
    });
  }
  return breaks;
};
