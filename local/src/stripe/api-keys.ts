import type { IncomingHttpHeaders } from 'node:http';
import { StripeApiError } from './errors.ts';

const unauthorized = (message: string) =>
  new StripeApiError(401, { type: 'invalid_request_error', message }, true);

/** `sk_test_abc...wxyz` → `sk_test_*****wxyz`, as Stripe shows a rejected key. */
const mask = (key: string) => {
  const prefix = /^[a-z]+_(?:test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
};

/**
 * The secret key of a request, from `Authorization: Bearer <key>` or Basic auth with the key as
 * the user name (`curl -u sk_test_x:`). Every `sk_test_` key opens the one test account; anything
 * else is refused with Stripe's 401.
 */
export const authenticate = (headers: IncomingHttpHeaders): string => {
  const authorization = headers.authorization ?? '';
  const [scheme, credentials = ''] = authorization.split(/\s+/, 2);
  let key = '';
  if (scheme?.toLowerCase() === 'bearer') key = credentials;
  else if (scheme?.toLowerCase() === 'basic') {
    key = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '';
  }
  if (key === '') {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (!/^sk_test_\w+$/.test(key)) {
    throw unauthorized(`Invalid API Key provided: ${mask(key)}`);
  }
  return key;
};
