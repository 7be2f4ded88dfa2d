import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, publish, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { invitations } from '../adapters/repositories.ts';
import { invitationCanceled } from '../domain/membership-events.ts';

/** An owner withdraws an invitation nobody accepted yet; signing up with the email then adds nothing. */
export const handler = httpHandler(
  operations.cancelInvitation,
  async ({ params, principal, requestId }) => {
    refuseUnlessAllowed(
      businessAccess(principal, params.businessId, 'members'),
      'No such business.',
    );
    const store = invitations();
    const invitation = await store.find(params.businessId, params.invitationId);
    if (!invitation) throw new HttpProblem(404, 'No such invitation.');
    await publish(invitationCanceled(invitation, principal.userId, requestId));
    await store.remove(invitation);
    return { status: 204 };
  },
);
