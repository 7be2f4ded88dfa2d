import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { BusinessId, InvitationId, UserId } from '../ids.ts';

export const MemberPathParams = z.object({ businessId: BusinessId, userId: UserId });
export const InvitationPathParams = z.object({
  businessId: BusinessId,
  invitationId: InvitationId,
});

export const AddMemberRequest = z
  .object({ email: z.email().max(254), role: Role })
  .meta({ id: 'AddMemberRequest' });
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const ChangeMemberRoleRequest = z
  .object({ role: Role })
  .meta({ id: 'ChangeMemberRoleRequest' });

/** A member who has an account: addressed by their user id. */
export const ActiveMember = z
  .object({
    status: z.literal('active'),
    userId: UserId,
    /** Absent only for a member whose email MyTabs never saw (signed in with access tokens only). */
    email: z.email().optional(),
    role: Role,
  })
  .meta({ id: 'ActiveMember' });

/** An email invited before it had an account: addressed by its invitation id until it signs up. */
export const InvitedMember = z
  .object({
    status: z.literal('invited'),
    invitationId: InvitationId,
    email: z.email(),
    role: Role,
  })
  .meta({ id: 'InvitedMember' });

export const Member = z.discriminatedUnion('status', [ActiveMember, InvitedMember]);
export type Member = z.infer<typeof Member>;

export const ListMembersResponse = z
  .object({ items: z.array(Member) })
  .meta({ id: 'ListMembersResponse' });
export type ListMembersResponse = z.infer<typeof ListMembersResponse>;
