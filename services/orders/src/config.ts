import { z } from 'zod';

/** Orders' configuration, read once from the environment its manifest implies. */
export const OrdersEnv = z.object({ TABLE_NAME: z.string().min(1) });

export const readEnv = (env: NodeJS.ProcessEnv = process.env) => OrdersEnv.parse(env);
