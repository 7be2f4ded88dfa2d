import { logger } from '@mytabs/lambda-kit';
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

/**
 * The same, never failing its caller: a sign-in or a request is not refused because an invitation
 * could not be accepted now. Nothing is marked claimed then, so the next request tries again.
 */
export const claimInvitationsOrRetryLater = async (
  ...args: Parameters<typeof claimInvitations>
) => {
  try {
    await claimInvitations(...args);
    return true;
  } catch (error) {
    logger.error('Invitations not claimed: the next request tries again', {
      userId: args[0],
      error,
    });
    return false;
  }
};
