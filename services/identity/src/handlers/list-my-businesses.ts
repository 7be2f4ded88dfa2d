import { operations } from '@mytabs/contracts';
import { httpHandler } from '@mytabs/lambda-kit';
import { repository } from '../adapters/repositories.ts';

/** The caller's businesses, from the memberships the authorizer read for this very request. */
export const handler = httpHandler(operations.listMyBusinesses, async ({ principal }) => {
  const businesses = repository();
  const items = await Promise.all(
    principal.memberships.map(async ({ businessId, role }) => {
      const business = await businesses.readBusiness(businessId);
      return business && { businessId, name: business.name, role };
    }),
  );
  return { status: 200, body: { items: items.filter((i) => i !== undefined) } };
});
