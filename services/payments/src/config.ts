import { environmentOf } from '@mytabs/lambda-kit';
import * as z from 'zod';

/** What payments' functions read from their environment besides the platform's names. */
export const env = environmentOf({
  /** Only where Stripe is not api.stripe.com: the local Stripe emulator. */
  STRIPE_API_URL: z.url().optional(),
});
