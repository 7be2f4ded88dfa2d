import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repository } from '../adapters/repositories.ts';

/** Members see their business, in any role; anyone else is told it does not exist. */
export const handler = httpHandler(operations.getBusiness, async ({ principal, params }) => {
  refuseUnlessAllowed(
    businessAccess(principal, params.businessId, 'business'),
    'No such business.',
  );
  const business = await repository().readBusiness(params.businessId);
  if (!business) throw new HttpProblem(404, 'No such business.');
  return { status: 200, body: business };
});
