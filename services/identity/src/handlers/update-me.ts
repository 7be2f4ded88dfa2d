import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { profileOf } from '../adapters/profile.ts';
import { repository } from '../adapters/repositories.ts';
import { toUser } from '../domain/user-view.ts';

export const handler = httpHandler(operations.updateMe, async ({ principal, body }) => {
  const before = await profileOf(principal);
  if (!before.profile) throw new HttpProblem(404, 'Your token carries no email: sign in again.');
  await repository().updateUser(principal.userId, body);
  const { profile, memberships } = await repository().readUser(principal.userId);
  return { status: 200, body: toUser(profile ?? before.profile, principal.groups, memberships) };
});
