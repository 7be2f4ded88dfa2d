import * as z from 'zod';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const EmailComplained = defineEvent({
  source: 'mytabs.notifications',
  detailType: 'EmailComplained',
  version: 1,
  description:
    'A recipient marked an email as spam (SES complaint feedback): the address is never mailed again.',
  data: z.object({
    address: z.email(),
    /** SES's MessageId of the email complained about. */
    messageId: z.string().min(1),
    /** SES's `feedbackId`: one per complaint notification. */
    feedbackId: z.string().min(1),
    /** The mailbox provider's feedback type (`abuse`, `fraud`...), when it sent one. */
    feedbackType: z.string().min(1).optional(),
    complainedAt: UtcDateTime,
  }),
  examples: [
    {
      address: 'ana@example.com',
      messageId: '0100019366d1a1b2-5f3c4d2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f-000000',
      feedbackId: '0100019366d1e5f6-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000',
      feedbackType: 'abuse',
      complainedAt: '2026-12-01T18:00:00Z',
    },
  ],
});
