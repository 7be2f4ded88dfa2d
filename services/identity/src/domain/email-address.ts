/**
 * An email as memberships and invitations are keyed by it: the user pool treats addresses
 * case-insensitively, so `Sam@Example.com` and `sam@example.com` are one invitee.
 */
export const normalizedEmail = (email: string) => email.trim().toLowerCase();

/**
 * The email a token proves (verified) that this user has not claimed invitations for yet, if
 * any: their invitations become memberships on the first request that carries it.
 */
export const emailToClaim = (
  token: { email?: string; emailVerified: boolean },
  claimed: readonly string[],
) => {
  if (!token.emailVerified || !token.email) return undefined;
  const email = normalizedEmail(token.email);
  return claimed.includes(email) ? undefined : email;
};
