import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { invite } from '../adapters/invite.ts';
import { startMembership } from '../adapters/membership-starts.ts';
import { claimedEmails, repository } from '../adapters/repositories.ts';
import { normalizedEmail } from '../domain/email-address.ts';
import { toActiveMember, toInvitedMember } from '../domain/member-view.ts';
import { additionAnswer, newMembership } from '../domain/membership.ts';

/**
 * An owner adds someone by email: a user who holds that verified email becomes a member at once;
 * anyone else is invited by email and becomes a member when they verify it.
 */
export const handler = httpHandler(
  operations.addMember,
  async ({ params, body, principal, requestId }) => {
    refuseUnlessAllowed(
      businessAccess(principal, params.businessId, 'members'),
      'No such business.',
    );
    const business = await repository().readBusiness(params.businessId);
    if (!business) throw new HttpProblem(404, 'No such business.');
    const email = normalizedEmail(body.email);
    const holder = await claimedEmails().ownerOf(email);
    const added = holder
      ? {
          kind: 'member' as const,
          ...(await startMembership(
            newMembership({
              businessId: business.businessId,
              userId: holder,
              email,
              role: body.role,
              addedBy: principal.userId,
            }),
            requestId,
          )),
        }
      : await invite({ business, email, role: body.role, invitedBy: principal.userId }, requestId);
    const member =
      added.kind === 'member'
        ? toActiveMember(added.membership)
        : toInvitedMember(added.invitation);
    const answer = additionAnswer(added.created, member.role, body.role);
    if (answer === 'conflict') {
      throw new HttpProblem(
        409,
        `${email} is already ${member.status === 'active' ? 'a member' : 'invited'} as ${member.role}: change the role instead.`,
        { code: 'role-differs', member },
      );
    }
    return { status: answer, body: member };
  },
);
