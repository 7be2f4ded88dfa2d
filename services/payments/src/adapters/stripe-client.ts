import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { STRIPE_API_VERSION } from '@mytabs/contracts';
import Stripe from 'stripe';
import { z } from 'zod';

const StripeEnv = z.object({
  SECRET_STRIPE_SECRET_KEY: z.string().min(1),
  /** Only where Stripe is not api.stripe.com: the local Stripe emulator. */
  STRIPE_API_URL: z.url().optional(),
});

let client: Stripe | undefined;

/**
 * The Stripe SDK client: its key from Secrets Manager, the pinned API version, and the API's
 * address from the environment when it is not Stripe's own (the same code talks to both).
 */
export const stripeClient = async () => {
  if (client) return client;
  const env = StripeEnv.parse(process.env);
  const key = await getSecret(env.SECRET_STRIPE_SECRET_KEY, { maxAge: 300 });
  if (typeof key !== 'string' || !key) throw new Error('The Stripe secret key is empty');
  const url = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : undefined;
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
