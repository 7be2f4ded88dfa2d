import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { repository } from '../adapters/repositories.ts';

/** Members see their business; anyone else is told it does not exist. */
export const handler = httpHandler(operations.getBusiness, async ({ principal, params }) => {
  const member = principal.memberships.some((m) => m.businessId === params.businessId);
  const business = member ? await repository().readBusiness(params.businessId) : undefined;
  if (!business) throw new HttpProblem(404, 'No such business.');
  return { status: 200, body: business };
});
