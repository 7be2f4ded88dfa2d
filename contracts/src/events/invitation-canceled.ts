import * as z from 'zod';
import { BusinessId, InvitationId, UserId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const InvitationCanceled = defineEvent({
  source: 'mytabs.identity',
  detailType: 'InvitationCanceled',
  version: 1,
  description: 'An owner withdrew an invitation before anyone accepted it.',
  data: z.object({
    businessId: BusinessId,
    invitationId: InvitationId,
    email: z.email(),
    canceledBy: UserId,
    invitedAt: UtcDateTime,
  }),
  examples: [
    {
      businessId: 'biz_01JD8X0A1B2C',
      invitationId: 'inv_5a1f0c2b9e7d4c3a8b6f1e0d2c4a6b8e',
      email: 'sam@brightlights.example',
      canceledBy: 'usr_01JD8W9Q2R3S',
      invitedAt: '2026-12-01T18:00:00Z',
    },
  ],
});
