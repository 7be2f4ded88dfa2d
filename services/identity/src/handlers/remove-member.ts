import { businessAccess, operations } from '@mytabs/contracts';
import { httpHandler, publish, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { memberships } from '../adapters/repositories.ts';
import { memberRemoved } from '../domain/membership-events.ts';
import { leaveOwnersUnlessLast, memberOrNotFound } from '../http/member-changes.ts';

/**
 * An owner removes a member, who is refused from their next request on. MemberRemoved goes out
 * before the membership goes, so a retry after a crash still finds it and publishes again.
 */
export const handler = httpHandler(
  operations.removeMember,
  async ({ params, principal, requestId }) => {
    refuseUnlessAllowed(
      businessAccess(principal, params.businessId, 'members'),
      'No such business.',
    );
    const members = memberships();
    const current = await memberOrNotFound(members, params.businessId, params.userId);
    await leaveOwnersUnlessLast(members, current);
    await publish(memberRemoved(current, principal.userId, requestId));
    await members.remove(current.businessId, current.userId);
    return { status: 204 };
  },
);
