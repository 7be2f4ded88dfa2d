import { HttpProblem, httpHandler, operations } from '@mytabs/contracts';
import { repository } from '../adapters/aws-clients.ts';
import { toUser } from '../domain/user-view.ts';

export const handler = httpHandler(operations.getMe, async ({ principal }) => {
  const { profile, memberships } = await repository().readUser(principal.userId);
  if (!profile) throw new HttpProblem(404, 'No profile yet: confirm your sign-up first.');
  return { status: 200, body: toUser(profile, principal.groups, memberships) };
});
