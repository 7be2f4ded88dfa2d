import type { Role } from '@mytabs/contracts';

const ROLE_NAMES: Record<Role, string> = {
  owner: 'an owner',
  manager: 'a manager',
  staff: 'door staff',
};

/**
 * The invitation of an email with no verified account: plain text, so nothing a business named
 * itself is ever read as markup. Signing up with this address and verifying it starts the
 * membership; there is no link to follow, so there is no token to steal.
 */
export const invitationEmail = (invitation: {
  to: string;
  businessName: string;
  role: Role;
  siteUrl: string;
}) => ({
  to: invitation.to,
  subject: `You are invited to join ${invitation.businessName} on keeptabs.app`,
  text: [
    `You have been invited to join ${invitation.businessName} as ${ROLE_NAMES[invitation.role]}.`,
    '',
    `Sign up at ${invitation.siteUrl} with this email address (${invitation.to}) and confirm it:`,
    'your place in the team is waiting for you from your first sign-in.',
    '',
    'If you did not expect this, ignore this email: nothing happens unless you sign up.',
  ].join('\n'),
});
