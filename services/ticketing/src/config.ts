import { environmentOf } from '@mytabs/lambda-kit';
import * as z from 'zod';

/** What ticketing's functions read from their environment besides the platform's names. */
export const env = environmentOf({
  /** How long a checkout's seats stay held unpaid. */
  HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});
