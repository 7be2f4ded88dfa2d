import { STRIPE_API_VERSION, StripeSecretKey } from '@mytabs/contracts';
import { MetricUnit, metrics, secretValue } from '@mytabs/lambda-kit';
import Stripe from 'stripe';
import { env } from '../config.ts';
import { PaymentsNotConfigured } from '../domain/payments-not-configured.ts';

let client: Stripe | undefined;

/** A configured Stripe credential, or the refusal (with a metric an alarm watches) if it is not. */
export const configuredSecret = async (
  secret: 'stripe-secret-key' | 'stripe-webhook-secret',
  shape: { safeParse: (value: unknown) => { success: boolean } },
) => {
  const value = await secretValue(secret);
  if (!shape.safeParse(value).success) {
    metrics.addMetric('PaymentsNotConfigured', MetricUnit.Count, 1);
    throw new PaymentsNotConfigured(secret);
  }
  return value;
};

/**
 * The Stripe SDK client: its key from Secrets Manager, the pinned API version, and the API's
 * address from the environment when it is not Stripe's own (the same code talks to both). Until
 * the key is a real one it throws `PaymentsNotConfigured`, and is not kept, so the key an
 * operator puts is picked up once the secret's cache expires.
 */
export const stripeClient = async () => {
  if (client) return client;
  const key = await configuredSecret('stripe-secret-key', StripeSecretKey);
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
