import { GetBusinessInvocation, invocationHandler } from '@mytabs/contracts';
import { repository } from '../adapters/aws-clients.ts';

/** `identity.lookupBusiness`, for ticketing: a business's fee and currency at event creation. */
export const handler = invocationHandler(GetBusinessInvocation, async ({ businessId }) => {
  const business = await repository().readBusiness(businessId);
  return business ? { found: true as const, business } : { found: false as const };
});
