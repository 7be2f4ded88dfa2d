/**
 * Identity's single-table layout. A user's profile, memberships and claimed emails share the
 * user's partition (the authorizer reads them in one Query); a business's item holds its owners;
 * its invitations sit beside it. Memberships and invitations carry `businessId`, which puts them
 * in the `byBusiness` index (a business's team in one Query); invitations carry `invitee`, which
 * puts them in the sparse `invitationsByEmail` index (what a newly verified email was invited to).
 */
export const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
export const memberKey = (userId: string, businessId: string) => ({
  pk: `USER#${userId}`,
  sk: `MEMBER#${businessId}`,
});
/** The mark that invitations to this verified email were claimed by the user. */
export const claimedEmailKey = (userId: string, email: string) => ({
  pk: `USER#${userId}`,
  sk: `EMAIL#${email}`,
});
export const businessKey = (businessId: string) => ({
  pk: `BUSINESS#${businessId}`,
  sk: 'BUSINESS',
});
export const invitationKey = (businessId: string, invitationId: string) => ({
  pk: `BUSINESS#${businessId}`,
  sk: `INVITATION#${invitationId}`,
});
/** Who holds a verified email: how an owner's addition finds an existing user. */
export const emailOwnerKey = (email: string) => ({ pk: `EMAIL#${email}`, sk: 'USER' });

export const BY_BUSINESS_INDEX = 'byBusiness';
export const INVITATIONS_BY_EMAIL_INDEX = 'invitationsByEmail';
