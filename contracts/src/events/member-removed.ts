import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { BusinessId, UserId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const MemberRemoved = defineEvent({
  source: 'mytabs.identity',
  detailType: 'MemberRemoved',
  version: 1,
  description:
    'An owner removed a member from a business; they are refused from their next request on.',
  data: z.object({
    businessId: BusinessId,
    userId: UserId,
    role: Role,
    removedBy: UserId,
    /** When the removed membership began: a member added again is another membership. */
    addedAt: UtcDateTime,
  }),
  examples: [
    {
      businessId: 'biz_01JD8X0A1B2C',
      userId: 'usr_01JD8W9Q2R4T',
      role: 'staff',
      removedBy: 'usr_01JD8W9Q2R3S',
      addedAt: '2026-12-01T18:30:00Z',
    },
  ],
});
