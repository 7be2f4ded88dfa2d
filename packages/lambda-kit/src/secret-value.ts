import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { secretVariable } from '@mytabs/contracts';
import * as z from 'zod';
import { ConfigurationError } from './environment.ts';

/** How long a secret's value is kept in the container before Secrets Manager is asked again. */
const MAX_AGE_S = 300;

/**
 * The value of one of the service's secrets (`uses.secrets`), by its manifest name
 * (`stripe-secret-key`): the plan puts its Secrets Manager name in `SECRET_<NAME>`, never its
 * value, and Powertools caches what Secrets Manager answers.
 */
export const secretValue = async (secret: string): Promise<string> => {
  const variable = secretVariable(secret);
  const id = process.env[variable];
  if (!id) {
    throw new ConfigurationError(`${variable} is not set: check the function's manifest uses`);
  }
  return z
    .string()
    .min(1)
    .parse(await getSecret(id, { maxAge: MAX_AGE_S }));
};
