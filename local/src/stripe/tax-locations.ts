import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account } from './account.ts';
import { invalidRequest, noSuchObject } from './errors.ts';
import { expandResponse } from './expand.ts';
import { listPage, listParamsShape } from './lists.ts';
import { address, expand, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';
import { usState } from './tax-rates.ts';

const CreateParams = z.strictObject({
  address,
  type: z.literal('performance'),
  description: z.string().optional(),
  expand,
});
const RetrieveParams = z.strictObject({ expand });
const ListParams = z.strictObject({ ...listParamsShape, type: z.literal('performance') });

const createLocation = (account: Account, p: z.output<typeof CreateParams>) => {
  const country = p.address.country.toUpperCase();
  if (country === 'US' && !usState(p.address)) {
    throw invalidRequest(
      'We could not determine the tax location based on the provided address. Provide the state or a valid postal code.',
      undefined,
      'address',
    );
  }
  const location: Stripe.Tax.Location = {
    id: stripeId('taxloc'),
    object: 'tax.location',
    address: {
      city: p.address.city || null,
      country,
      line1: p.address.line1 || null,
      line2: p.address.line2 || null,
      postal_code: p.address.postal_code || null,
      state: p.address.state || null,
    },
    description: p.description ?? null,
    livemode: false,
    type: 'performance',
  };
  account.taxLocations.set(location.id, location);
  return location;
};

export const taxLocationRoutes = [
  route('POST', '/v1/tax/locations', ({ params }, account) => {
    const p = parseParams(CreateParams, params);
    return expandResponse(account, createLocation(account, p), p.expand);
  }),
  route('GET', '/v1/tax/locations/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    const location = account.taxLocations.get(pathParams.id ?? '');
    if (!location) throw noSuchObject('tax.location', pathParams.id ?? '', 'location');
    return expandResponse(account, location, p.expand);
  }),
  route('GET', '/v1/tax/locations', ({ params }, account) => {
    const p = parseParams(ListParams, params);
    // Locations carry no `created`; the map keeps creation order, listed newest first.
    const locations = [...account.taxLocations.values()].reverse();
    return expandResponse(account, listPage(locations, '/v1/tax/locations', p), p.expand);
  }),
];
