import { z } from 'zod';

/** Ticketing's configuration, read once from the environment its manifest implies. */
export const TicketingEnv = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1).optional(),
  HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});
export type TicketingEnv = z.infer<typeof TicketingEnv>;

export const readEnv = (env: NodeJS.ProcessEnv = process.env) => TicketingEnv.parse(env);
