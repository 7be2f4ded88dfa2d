import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { BusinessId, InvitationId, UserId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const MemberAdded = defineEvent({
  source: 'mytabs.identity',
  detailType: 'MemberAdded',
  version: 1,
  description:
    'A user became a member of a business: added by an owner, or by accepting an invitation when their email was verified.',
  data: z.object({
    businessId: BusinessId,
    userId: UserId,
    email: z.email().optional(),
    role: Role,
    /** The owner who added or invited them (absent for the business's creator). */
    addedBy: UserId.optional(),
    /** Set when the membership started from this invitation. */
    invitationId: InvitationId.optional(),
    addedAt: UtcDateTime,
  }),
  examples: [
    {
      businessId: 'biz_01JD8X0A1B2C',
      userId: 'usr_01JD8W9Q2R4T',
      email: 'sam@brightlights.example',
      role: 'staff',
      addedBy: 'usr_01JD8W9Q2R3S',
      invitationId: 'inv_5a1f0c2b9e7d4c3a8b6f1e0d2c4a6b8e',
      addedAt: '2026-12-01T18:30:00Z',
    },
  ],
});
