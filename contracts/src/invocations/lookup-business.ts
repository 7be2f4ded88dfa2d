import * as z from 'zod';
import { Business } from '../api/businesses.ts';
import { BusinessId } from '../ids.ts';
import { defineInvocation } from './define-invocation.ts';

/** `identity.lookupBusiness`: a business as identity keeps it (e.g. its per-ticket fee). */
export const LookupBusinessInvocation = defineInvocation({
  ref: 'identity.lookupBusiness',
  request: z.object({ businessId: BusinessId }),
  response: z.discriminatedUnion('found', [
    z.object({ found: z.literal(true), business: Business }),
    z.object({ found: z.literal(false) }),
  ]),
});
