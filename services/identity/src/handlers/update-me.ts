import { HttpProblem, httpHandler, operations } from '@mytabs/contracts';
import { repository } from '../adapters/aws-clients.ts';
import { toUser } from '../domain/user-view.ts';

export const handler = httpHandler(operations.updateMe, async ({ principal, body }) => {
  const users = repository();
  const before = await users.readUser(principal.userId);
  if (!before.profile) throw new HttpProblem(404, 'No profile yet: confirm your sign-up first.');
  await users.updateUser(principal.userId, body);
  const { profile, memberships } = await users.readUser(principal.userId);
  return { status: 200, body: toUser(profile ?? before.profile, principal.groups, memberships) };
});
