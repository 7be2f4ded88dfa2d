import { secretValue } from '@mytabs/lambda-kit';

/** The endpoint's signing secret (`whsec_...`) from Secrets Manager, cached for five minutes. */
export const webhookSecret = () => secretValue('stripe-webhook-secret');
