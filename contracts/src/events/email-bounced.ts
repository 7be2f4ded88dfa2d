import * as z from 'zod';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const EmailBounced = defineEvent({
  source: 'mytabs.notifications',
  detailType: 'EmailBounced',
  version: 1,
  description:
    'SES reported that an address bounced an email; a permanent bounce means it is never mailed again.',
  data: z.object({
    address: z.email(),
    /** SES's `bounceType`: `Permanent` (a hard bounce), `Transient` or `Undetermined`. */
    bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
    /** SES's `bounceSubType`, e.g. `General`, `NoEmail`, `Suppressed`, `MailboxFull`. */
    bounceSubType: z.string().min(1),
    /** SES's MessageId of the email that bounced. */
    messageId: z.string().min(1),
    /** SES's `feedbackId`: one per bounce notification. */
    feedbackId: z.string().min(1),
    bouncedAt: UtcDateTime,
  }),
  examples: [
    {
      address: 'ana@example.com',
      bounceType: 'Permanent',
      bounceSubType: 'General',
      messageId: '0100019366d1a1b2-5f3c4d2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f-000000',
      feedbackId: '0100019366d1c3d4-9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d-000000',
      bouncedAt: '2026-12-01T18:00:00Z',
    },
  ],
});
