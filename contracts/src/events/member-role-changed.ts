import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { BusinessId, UserId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const MemberRoleChanged = defineEvent({
  source: 'mytabs.identity',
  detailType: 'MemberRoleChanged',
  version: 1,
  description: "An owner changed a member's role; it applies from the member's next request.",
  data: z.object({
    businessId: BusinessId,
    userId: UserId,
    role: Role,
    previousRole: Role,
    changedBy: UserId,
    /** Counts the membership's role changes: the first change is 1. */
    change: z.number().int().min(1),
  }),
  examples: [
    {
      businessId: 'biz_01JD8X0A1B2C',
      userId: 'usr_01JD8W9Q2R4T',
      role: 'manager',
      previousRole: 'staff',
      changedBy: 'usr_01JD8W9Q2R3S',
      change: 1,
    },
  ],
});
