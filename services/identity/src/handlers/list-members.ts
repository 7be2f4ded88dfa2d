import { businessAccess, operations } from '@mytabs/contracts';
import { httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { memberships } from '../adapters/repositories.ts';
import { memberList } from '../domain/member-view.ts';

export const handler = httpHandler(operations.listMembers, async ({ params, principal }) => {
  refuseUnlessAllowed(businessAccess(principal, params.businessId, 'members'), 'No such business.');
  const team = await memberships().team(params.businessId);
  return { status: 200, body: { items: memberList(team.memberships, team.invitations) } };
});
