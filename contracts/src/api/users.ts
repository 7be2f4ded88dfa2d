import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { BusinessId, UserId } from '../ids.ts';

export const UserGroup = z.enum(['organizer', 'staff', 'admin']);

export const User = z
  .object({
    userId: UserId,
    email: z.email(),
    name: z.string().min(1).max(200).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +14155550123')
      .optional(),
    groups: z.array(UserGroup),
    businesses: z.array(z.object({ businessId: BusinessId, role: Role })),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UpdateUserRequest = User.pick({ name: true, phone: true }).meta({
  id: 'UpdateUserRequest',
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
