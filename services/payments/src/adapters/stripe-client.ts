import { STRIPE_API_VERSION } from '@mytabs/contracts';
import { secretValue } from '@mytabs/lambda-kit';
import Stripe from 'stripe';
import { env } from '../config.ts';

let client: Stripe | undefined;

/**
 * The Stripe SDK client: its key from Secrets Manager, the pinned API version, and the API's
 * address from the environment when it is not Stripe's own (the same code talks to both).
 */
export const stripeClient = async () => {
  if (client) return client;
  const key = await secretValue('stripe-secret-key');
  const apiUrl = env('STRIPE_API_URL');
  const url = apiUrl ? new URL(apiUrl) : undefined;
  client = new Stripe(key, {
    apiVersion: STRIPE_API_VERSION as Stripe.StripeConfig['apiVersion'],
    maxNetworkRetries: 2,
    telemetry: false,
    ...(url && {
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      protocol: url.protocol === 'https:' ? 'https' : 'http',
    }),
  });
  return client;
};
