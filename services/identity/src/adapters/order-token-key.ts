import { secretValue } from '@mytabs/lambda-kit';

/** The order-token signing key, from Secrets Manager (cached for 5 minutes). */
export const orderTokenKey = () => secretValue('order-token-key');
