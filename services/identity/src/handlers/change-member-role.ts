import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, publish, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { memberships } from '../adapters/repositories.ts';
import { toActiveMember } from '../domain/member-view.ts';
import { memberRoleChanged } from '../domain/membership-events.ts';
import { leaveOwnersUnlessLast, memberOrNotFound } from '../http/member-changes.ts';

/**
 * An owner changes a member's role; the member's next request has it (the authorizer reads
 * memberships on every request). The last owner cannot be demoted.
 */
export const handler = httpHandler(
  operations.changeMemberRole,
  async ({ params, body, principal, requestId }) => {
    refuseUnlessAllowed(
      businessAccess(principal, params.businessId, 'members'),
      'No such business.',
    );
    const members = memberships();
    const current = await memberOrNotFound(members, params.businessId, params.userId);
    if (current.role === body.role) {
      // A repeat: finish what a first attempt may have left undone.
      if (current.role === 'owner') await members.countOwner(current.businessId, current.userId);
      if (current.roleChanges > 0) await publish(memberRoleChanged(current, requestId));
      return { status: 200, body: toActiveMember(current) };
    }
    await leaveOwnersUnlessLast(members, current);
    const changed = await members.changeRole(current, body.role, principal.userId);
    if (!changed) {
      if (current.role === 'owner') await members.countOwner(current.businessId, current.userId);
      throw new HttpProblem(409, 'The membership changed meanwhile: read it again.');
    }
    if (changed.role === 'owner') await members.countOwner(changed.businessId, changed.userId);
    await publish(memberRoleChanged(changed, requestId));
    return { status: 200, body: toActiveMember(changed) };
  },
);
