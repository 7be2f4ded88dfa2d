import { environmentOf } from '@mytabs/lambda-kit';
import * as z from 'zod';

/** What identity's functions read from their environment besides the platform's names. */
export const env = environmentOf({
  USER_POOL_ISSUER: z.url(),
  USER_POOL_JWKS_URL: z.url(),
  USER_POOL_CLIENT_IDS: z.string().transform((s) => s.split(',').filter(Boolean)),
  /** `noreply@<domain>`: the plan sets it for every `uses.email` function. */
  EMAIL_FROM: z.email(),
  /** The stage's SES configuration set, which every email is sent with. */
  EMAIL_CONFIGURATION_SET: z.string().min(1),
});
