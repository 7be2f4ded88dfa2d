import type { Business, Role } from '@mytabs/contracts';
import { documentClient, publishOnce, tableName } from '@mytabs/lambda-kit';
import { invitationEmail } from '../domain/invitation-email.ts';
import { invitationIdFor } from '../domain/invitation-id.ts';
import { memberInvited } from '../domain/membership-events.ts';
import { sendEmail, siteUrl } from './invitation-mailer.ts';
import { acceptInvitation } from './membership-starts.ts';
import { claimedEmails, invitations } from './repositories.ts';

/**
 * Invites an email that no verified user holds: the invitation once per business and email, its
 * email sent until one went out (a send that failed is sent again by the request's retry), then
 * MemberInvited, once on the bus however often the invitation is repeated. If the email's user verified it meanwhile (their claim ran before this
 * invitation existed), they become a member here instead.
 */
export const invite = async (
  request: { business: Business; email: string; role: Role; invitedBy: string },
  correlationId: string,
) => {
  const { business, email, role, invitedBy } = request;
  const store = invitations();
  const { invitation, created } = await store.create({
    businessId: business.businessId,
    invitationId: invitationIdFor(business.businessId, email),
    email,
    role,
    invitedBy,
    invitedAt: new Date().toISOString(),
  });
  if (invitation.role !== role) return { kind: 'invited' as const, invitation, created };
  if (!invitation.emailSentAt) {
    await sendEmail(
      invitationEmail({ to: email, businessName: business.name, role, siteUrl: siteUrl() }),
    );
    await store.markSent(invitation, new Date().toISOString());
  }
  await publishOnce(documentClient(), tableName(), memberInvited(invitation, correlationId));
  const holder = await claimedEmails().ownerOf(email);
  if (holder) {
    const membership = await acceptInvitation(invitation, holder, correlationId);
    return { kind: 'member' as const, membership, created };
  }
  return { kind: 'invited' as const, invitation, created };
};
