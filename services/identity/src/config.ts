import { z } from 'zod';

/** Identity's configuration, read once from the environment its manifest implies. */
const IdentityEnv = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  EVENT_BUS_NAME: z.string().min(1).optional(),
  SECRET_ORDER_TOKEN_KEY: z.string().min(1).optional(),
  USER_POOL_ISSUER: z.url().optional(),
  USER_POOL_JWKS_URL: z.url().optional(),
  USER_POOL_CLIENT_IDS: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .optional(),
});

export const readEnv = (env: NodeJS.ProcessEnv = process.env) => IdentityEnv.parse(env);

/** A variable a function needs: its absence is a deployment mistake, named clearly. */
export const need = <T>(value: T | undefined, name: string): T => {
  if (value === undefined) throw new Error(`${name} is not set for this function`);
  return value;
};
