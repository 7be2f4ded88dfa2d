import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { env } from '../config.ts';

/** The endpoint's signing secret (`whsec_...`) from Secrets Manager, cached for five minutes. */
export const webhookSecret = async () => {
  const secret = await getSecret(env('SECRET_STRIPE_WEBHOOK_SECRET'), { maxAge: 300 });
  if (typeof secret !== 'string' || !secret) throw new Error('The Stripe webhook secret is empty');
  return secret;
};
