import * as z from 'zod';

/**
 * The SES events a function can subscribe to (`sesEvents` in a manifest), by the detail type SES
 * puts them on the default event bus with, and the configuration set's event type that makes SES
 * publish them. SES publishes only to the default bus, and only for email sent with a
 * configuration set whose event destination asks for that type.
 */
export const sesEventTypes = {
  'Email Bounced': 'BOUNCE',
  'Email Complaint Received': 'COMPLAINT',
} as const;
export type SesDetailType = keyof typeof sesEventTypes;
export const SesDetailType = z.enum(
  Object.keys(sesEventTypes) as [SesDetailType, ...SesDetailType[]],
);

export const SES_SOURCE = 'aws.ses';

/** The rule pattern of a subscription to these SES events. */
export const sesEventPattern = (detailTypes: readonly SesDetailType[]) => ({
  source: [SES_SOURCE],
  'detail-type': [...detailTypes],
});

const SesMail = z.object({
  /** SES's MessageId, as SendEmail answered it. */
  messageId: z.string().min(1),
  timestamp: z.iso.datetime({ offset: true }),
  source: z.string(),
  destination: z.array(z.string()),
});

/** The detail of `Email Bounced` (SES's event record, `eventType: Bounce`); unknown keys ignored. */
export const SesBounceDetail = z.object({
  eventType: z.literal('Bounce'),
  mail: SesMail,
  bounce: z.object({
    bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
    bounceSubType: z.string().min(1),
    bouncedRecipients: z.array(z.object({ emailAddress: z.email() })).min(1),
    timestamp: z.iso.datetime({ offset: true }),
    feedbackId: z.string().min(1),
  }),
});
export type SesBounceDetail = z.infer<typeof SesBounceDetail>;

/** The detail of `Email Complaint Received` (`eventType: Complaint`); unknown keys ignored. */
export const SesComplaintDetail = z.object({
  eventType: z.literal('Complaint'),
  mail: SesMail,
  complaint: z.object({
    complainedRecipients: z.array(z.object({ emailAddress: z.email() })).min(1),
    timestamp: z.iso.datetime({ offset: true }),
    feedbackId: z.string().min(1),
    complaintFeedbackType: z.string().min(1).optional(),
  }),
});
export type SesComplaintDetail = z.infer<typeof SesComplaintDetail>;

/** One SES event as its subscriber receives it, parsed. */
export type SesEvent =
  | { detailType: 'Email Bounced'; detail: SesBounceDetail }
  | { detailType: 'Email Complaint Received'; detail: SesComplaintDetail };
