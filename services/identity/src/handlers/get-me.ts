import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { profileOf } from '../adapters/profile.ts';
import { toUser } from '../domain/user-view.ts';

export const handler = httpHandler(operations.getMe, async ({ principal }) => {
  const { profile, memberships } = await profileOf(principal);
  if (!profile) throw new HttpProblem(404, 'Your token carries no email: sign in again.');
  return { status: 200, body: toUser(profile, principal.groups, memberships) };
});
