import { z } from 'zod';

/** Notifications' configuration, read from the environment its manifest implies. */
export const NotificationsEnv = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  /** `noreply@<domain>`: the runtime sets it for every `uses.email` function. */
  EMAIL_FROM: z.email(),
});
export type NotificationsEnv = z.infer<typeof NotificationsEnv>;

export const readEnv = (env: NodeJS.ProcessEnv = process.env) => NotificationsEnv.parse(env);
