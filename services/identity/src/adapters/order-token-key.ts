import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { need, readEnv } from '../config.ts';

/** The order-token signing key, from Secrets Manager (cached by Powertools for 5 minutes). */
export const orderTokenKey = async () => {
  const id = need(readEnv().SECRET_ORDER_TOKEN_KEY, 'SECRET_ORDER_TOKEN_KEY');
  const value = await getSecret(id, { maxAge: 300 });
  if (typeof value !== 'string' || value.length === 0) throw new Error(`Secret ${id} is empty`);
  return value;
};
