import { HttpProblem } from '@mytabs/lambda-kit';
import type { memberships } from '../adapters/repositories.ts';
import type { MembershipRecord } from '../domain/membership.ts';

type Memberships = ReturnType<typeof memberships>;

/** The member a change names, or 404. */
export const memberOrNotFound = async (
  members: Memberships,
  businessId: string,
  userId: string,
) => {
  const found = await members.find(businessId, userId);
  if (!found) throw new HttpProblem(404, 'No such member.');
  return found;
};

/**
 * Before an owner is demoted or removed: they leave the business's owner count, unless they are
 * its last owner, which is refused (409).
 */
export const leaveOwnersUnlessLast = async (members: Memberships, member: MembershipRecord) => {
  if (member.role !== 'owner') return;
  if ((await members.uncountOwner(member.businessId, member.userId)) === 'last-owner') {
    throw new HttpProblem(
      409,
      'A business keeps at least one owner: make another member owner first.',
      { code: 'last-owner' },
    );
  }
};
