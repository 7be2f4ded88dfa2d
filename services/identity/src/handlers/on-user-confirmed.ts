import { UserRegistered } from '@mytabs/contracts';
import { logger, publish } from '@mytabs/lambda-kit';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import * as z from 'zod';
import { claimInvitationsOrRetryLater } from '../adapters/claim-invitations.ts';
import { repository } from '../adapters/repositories.ts';
import { emailToClaim } from '../domain/email-address.ts';
import { userIdOf } from '../domain/user-id.ts';

const Attributes = z.object({
  sub: z.uuid(),
  email: z.email(),
  /** "true" when confirming the sign-up verified the email (Cognito sent the code there). */
  email_verified: z.string().optional(),
  name: z.string().min(1).optional(),
});

/**
 * Cognito's post-confirmation trigger: the user's profile, once, and UserRegistered; and when the
 * confirmation verified the email, the invitations to it become memberships (if that fails, the
 * user's first request claims them). Cognito waits for the answer, so a failure of the profile
 * fails the confirmation and the user can confirm again.
 */
export const handler = async (event: PostConfirmationTriggerEvent) => {
  const attributes = Attributes.parse(event.request.userAttributes);
  const userId = userIdOf(attributes.sub);
  const created = await repository().createUser({
    userId,
    cognitoSub: attributes.sub,
    email: attributes.email,
    ...(attributes.name && { name: attributes.name }),
    createdAt: new Date().toISOString(),
  });
  await publish(
    UserRegistered.build(
      {
        userId,
        cognitoSub: attributes.sub,
        email: attributes.email,
        ...(attributes.name && { name: attributes.name }),
      },
      { idempotencyKey: `UserRegistered:${userId}`, correlationId: userId },
    ),
  );
  const { claimedEmails } = await repository().readUser(userId);
  const email = emailToClaim(
    { email: attributes.email, emailVerified: attributes.email_verified === 'true' },
    claimedEmails,
  );
  const claimed =
    email !== undefined &&
    (await claimInvitationsOrRetryLater(userId, email, claimedEmails, userId));
  logger.info('User confirmed', { userId, created, claimed });
  return event;
};
