import { documentClient, publishOnce, tableName } from '@mytabs/lambda-kit';
import {
  type InvitationRecord,
  type MembershipRecord,
  newMembership,
} from '../domain/membership.ts';
import { memberAdded } from '../domain/membership-events.ts';
import { invitations, memberships } from './repositories.ts';

/**
 * Starts a membership, or finds the one the user already has in the business; either way counts
 * an owner and publishes MemberAdded for what is stored, so a repeat after a crash finishes the
 * first attempt's work under the same event key; once it is on the bus, a repeat publishes it no
 * more.
 */
export const startMembership = async (membership: MembershipRecord, correlationId: string) => {
  const members = memberships();
  const started = await members.add(membership);
  if (started.membership.role === 'owner') {
    await members.countOwner(started.membership.businessId, started.membership.userId);
  }
  await publishOnce(documentClient(), tableName(), memberAdded(started.membership, correlationId));
  return started;
};

/** The invited email's user becomes a member; the invitation goes once the membership exists. */
export const acceptInvitation = async (
  invitation: InvitationRecord,
  userId: string,
  correlationId: string,
) => {
  const started = await startMembership(
    newMembership({
      businessId: invitation.businessId,
      userId,
      email: invitation.email,
      role: invitation.role,
      addedBy: invitation.invitedBy,
      invitationId: invitation.invitationId,
    }),
    correlationId,
  );
  await invitations().remove(invitation);
  return started.membership;
};
