import { EmailBounced, EmailComplained, type SesEvent } from '@mytabs/contracts';

/**
 * SES's bounce or complaint as our catalog events, one per recipient it names. The idempotency
 * key is SES's feedback id and the address, so a notification SES delivers twice is one fact.
 */
export const feedbackEvents = (event: SesEvent) => {
  const { mail } = event.detail;
  if (event.detailType === 'Email Bounced') {
    const { bounce } = event.detail;
    return bounce.bouncedRecipients.map(({ emailAddress }) =>
      EmailBounced.build(
        {
          address: emailAddress.toLowerCase(),
          bounceType: bounce.bounceType,
          bounceSubType: bounce.bounceSubType,
          messageId: mail.messageId,
          feedbackId: bounce.feedbackId,
          bouncedAt: new Date(bounce.timestamp).toISOString(),
        },
        {
          idempotencyKey: `EmailBounced:${bounce.feedbackId}:${emailAddress.toLowerCase()}`,
          correlationId: mail.messageId,
        },
      ),
    );
  }
  const { complaint } = event.detail;
  return complaint.complainedRecipients.map(({ emailAddress }) =>
    EmailComplained.build(
      {
        address: emailAddress.toLowerCase(),
        messageId: mail.messageId,
        feedbackId: complaint.feedbackId,
        ...(complaint.complaintFeedbackType && { feedbackType: complaint.complaintFeedbackType }),
        complainedAt: new Date(complaint.timestamp).toISOString(),
      },
      {
        idempotencyKey: `EmailComplained:${complaint.feedbackId}:${emailAddress.toLowerCase()}`,
        correlationId: mail.messageId,
      },
    ),
  );
};
