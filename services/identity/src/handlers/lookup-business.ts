import { LookupBusinessInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repository } from '../adapters/repositories.ts';

/** `identity.lookupBusiness`, for ticketing: a business's fee and currency at event creation. */
export const handler = invocationHandler(LookupBusinessInvocation, async ({ businessId }) => {
  const business = await repository().readBusiness(businessId);
  return business ? { found: true as const, business } : { found: false as const };
});
