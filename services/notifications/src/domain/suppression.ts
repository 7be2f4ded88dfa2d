import type { EmailBounced, EmailComplained } from '@mytabs/contracts';
import type * as z from 'zod';

/** Why an address is never mailed again: its first hard bounce or complaint, as SES reported it. */
export interface Suppression {
  address: string;
  reason: 'bounced' | 'complained';
  /** The bounce's type and subtype, or the complaint's feedback type. */
  detail: string;
  messageId: string;
  feedbackId: string;
  at: string;
}

/** A permanent bounce suppresses the address; a transient one (a full mailbox) does not. */
export const suppressionForBounce = (
  data: z.infer<typeof EmailBounced.data>,
): Suppression | undefined =>
  data.bounceType === 'Permanent'
    ? {
        address: data.address.toLowerCase(),
        reason: 'bounced',
        detail: `${data.bounceType}/${data.bounceSubType}`,
        messageId: data.messageId,
        feedbackId: data.feedbackId,
        at: data.bouncedAt,
      }
    : undefined;

export const suppressionForComplaint = (
  data: z.infer<typeof EmailComplained.data>,
): Suppression => ({
  address: data.address.toLowerCase(),
  reason: 'complained',
  detail: data.feedbackType ?? 'complaint',
  messageId: data.messageId,
  feedbackId: data.feedbackId,
  at: data.complainedAt,
});

/** What a send to a suppressed address answers, and its record keeps. */
export const suppressedFailure = (s: Suppression) =>
  `Suppressed: ${s.address} ${s.reason === 'bounced' ? 'bounced' : 'complained'} (${s.detail}) at ${s.at}, message ${s.messageId}; it is not mailed again`;
