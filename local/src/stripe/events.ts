import * as z from 'zod';
import { noSuchObject } from './errors.ts';
import { listPage, listParamsShape, newestFirst } from './lists.ts';
import { parseParams } from './params.ts';
import { route } from './router.ts';

const RetrieveParams = z.strictObject({ expand: z.array(z.string()).optional() });
const RetryParams = z.strictObject({
  for_stripecli: z.string().optional(),
  webhook_endpoint: z.string().optional(),
});
const ListParams = z.strictObject({
  ...listParamsShape,
  type: z.string().optional(),
  types: z.array(z.string()).optional(),
});

/** `type` filters allow one `*` wildcard, as Stripe's do: `payment_intent.*`. */
const typeMatcher = (pattern: string) => {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*');
  return new RegExp(`^${escaped}$`);
};

export const eventRoutes = [
  route('GET', '/v1/events/:id', ({ params, pathParams }, account) => {
    parseParams(RetrieveParams, params);
    const event = account.events.get(pathParams.id ?? '');
    if (!event) throw noSuchObject('event', pathParams.id ?? '', 'id');
    return event;
  }),
  // What the Stripe CLI's `stripe events resend <id>` calls.
  route('POST', '/v1/events/:id/retry', ({ params, pathParams }, account) => {
    parseParams(RetryParams, params);
    return account.resend(pathParams.id ?? '');
  }),
  route('GET', '/v1/events', ({ params }, account) => {
    const p = parseParams(ListParams, params);
    const patterns = [...(p.type ? [p.type] : []), ...(p.types ?? [])].map(typeMatcher);
    const events = newestFirst(account.events.values()).filter(
      (event) => patterns.length === 0 || patterns.some((pattern) => pattern.test(event.type)),
    );
    return listPage(events, '/v1/events', p);
  }),
];
