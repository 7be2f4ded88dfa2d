/**
 * Our user id for a Cognito user: derived from its immutable `sub`, so the authorizer needs no
 * lookup to name the caller, and the same person is the same user on every device.
 */
export const userIdOf = (cognitoSub: string) => `usr_${cognitoSub.replaceAll('-', '')}`;
