import { acceptInvitation } from './membership-starts.ts';
import { claimedEmails, invitations } from './repositories.ts';

/**
 * A user proved they hold `email` (verified by the user pool): every invitation to it becomes a
 * membership. Run by the confirmation trigger when Cognito verified the email on sign-up, and by
 * the authorizer on the first request whose token carries a verified email not claimed yet (an
 * email verified later, an administrator's user, or a pool whose trigger did not see it). The
 * email is held first, so an owner's addition that misses this claim finds the user instead;
 * the claim is marked last, so a crash midway is claimed again on the next request.
 */
export const claimInvitations = async (
  userId: string,
  email: string,
  claimedBefore: readonly string[],
  correlationId: string,
) => {
  const emails = claimedEmails();
  await emails.holdOnly(userId, email, claimedBefore);
  for (const invitation of await invitations().forEmail(email)) {
    await acceptInvitation(invitation, userId, correlationId);
  }
  await emails.markClaimed(userId, email);
};
