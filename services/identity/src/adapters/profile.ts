import type { UserPrincipal } from '@mytabs/contracts';
import { cognitoSubOf } from '../domain/user-id.ts';
import { repository } from './repositories.ts';

/**
 * The caller's profile, created from their token if the post-confirmation trigger never ran
 * (an administrator confirmed them, or the trigger failed): a signed-in user always has one.
 */
export const profileOf = async (principal: UserPrincipal) => {
  const users = repository();
  const found = await users.readUser(principal.userId);
  if (found.profile || !principal.email) return found;
  await users.createUser({
    userId: principal.userId,
    cognitoSub: cognitoSubOf(principal.userId),
    email: principal.email,
    createdAt: new Date().toISOString(),
  });
  return users.readUser(principal.userId);
};
