import type { Item, LedgerBreak, SentEmail } from './ledger.ts';

/** How identity's invitation starts its subject (services/identity/src/domain/invitation-email.ts). */
const INVITATION_SUBJECT = 'You are invited to join ';

const count = (values: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

/**
 * Emails, notifications' send records (`email#…`) and identity's invitations against what the
 * local SES accepted (its store): every `sent` record names, by its MessageId, exactly one
 * accepted email, to the record's address and with its subject; every accepted email is the
 * send of such a record, or an invitation, and each address got exactly as many invitations as
 * identity's invitations to it are marked sent. Records `sending` or `failed` name no MessageId:
 * SES refused them (a refusal or a fault), or a suppressed address kept them from it, so they
 * match nothing; an email SES took while its record stayed `sending` shows as a send without
 * its record. A bounce or a complaint comes after SES accepted, so the record is `sent`.
 */
export const emailsLedger = (
  notifications: readonly Item[],
  identity: readonly Item[],
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
  const unrecorded = sent.filter((email) => !recorded.has(email.messageId));
  const invitationsSent = count(
    unrecorded
      .filter((email) => email.subject.startsWith(INVITATION_SUBJECT))
      .flatMap((email) => email.destination.to),
  );
  const invited = count(
    identity
      .filter((i) => typeof i.invitationId === 'string' && typeof i.emailSentAt === 'string')
      .map((i) => i.email as string),
  );
  for (const address of new Set([...invitationsSent.keys(), ...invited.keys()])) {
    if (invitationsSent.get(address) !== invited.get(address)) {
      breaks.push({
        invariant: 'emails',
        subject: `invitations to ${address}`,
        detail: `${invitationsSent.get(address) ?? 0} sent by SES, ${invited.get(address) ?? 0} marked sent by identity`,
      });
    }
  }
  for (const email of unrecorded.filter((e) => !e.subject.startsWith(INVITATION_SUBJECT))) {
    breaks.push({
      invariant: 'emails',
      subject: `SES message ${email.messageId}`,
      detail: `"${email.subject}" to ${email.destination.to.join(', ')} was sent without a record`,
    });
  }
  return breaks;
};
