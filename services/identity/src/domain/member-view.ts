import type { Member, Role } from '@mytabs/contracts';
import type { InvitationRecord, MembershipRecord } from './membership.ts';

export const toActiveMember = (m: MembershipRecord): Member =>
  ({
    status: 'active',
    userId: m.userId,
    ...(m.email && { email: m.email }),
    role: m.role,
  }) as Member;

export const toInvitedMember = (i: InvitationRecord): Member =>
  ({ status: 'invited', invitationId: i.invitationId, email: i.email, role: i.role }) as Member;

const RANK: Record<Role, number> = { owner: 0, manager: 1, staff: 2 };

/** Members first, then invitations; each by role (owners first), then by email. */
export const memberList = (
  memberships: readonly MembershipRecord[],
  invitations: readonly InvitationRecord[],
): Member[] => {
  const order = (a: { role: Role; email?: string }, b: { role: Role; email?: string }) =>
    RANK[a.role] - RANK[b.role] || (a.email ?? '').localeCompare(b.email ?? '');
  return [
    ...[...memberships].sort(order).map(toActiveMember),
    ...[...invitations].sort(order).map(toInvitedMember),
  ];
};
