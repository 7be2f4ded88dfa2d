import { StripeWebhookSecret } from '@mytabs/contracts';
import { configuredSecret } from './stripe-client.ts';

/** The endpoint's signing secret (`whsec_...`) from Secrets Manager, cached for five minutes. */
export const webhookSecret = () => configuredSecret('stripe-webhook-secret', StripeWebhookSecret);
