/**
 * Our user id for a Cognito user: derived from its immutable `sub`, so the authorizer needs no
 * lookup to name the caller, and the same person is the same user on every device.
 */
export const userIdOf = (cognitoSub: string) => `usr_${cognitoSub.replaceAll('-', '')}`;

/** The Cognito `sub` a user id was derived from. */
export const cognitoSubOf = (userId: string) => {
  const hex = userId.slice('usr_'.length);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
};
