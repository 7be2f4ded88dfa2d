import { z } from 'zod';

/** Payments' configuration: the environment its manifest implies (each function gets its own). */
const PaymentsEnv = z.object({
  TABLE_NAME: z.string().min(1),
  EVENT_BUS_NAME: z.string().min(1),
  SECRET_STRIPE_WEBHOOK_SECRET: z.string().min(1),
  FUNCTION_TICKETING_PRICE_CART: z.string().min(1),
  FUNCTION_TICKETING_HOLD_SEATS: z.string().min(1),
  FUNCTION_ORDERS_CREATE_ORDER: z.string().min(1),
});

/** One variable, checked when first needed: a function reads only what its manifest grants. */
export const env = (name: keyof typeof PaymentsEnv.shape): string => {
  const parsed = PaymentsEnv.shape[name].safeParse(process.env[name]);
  if (!parsed.success) throw new Error(`${name} is not set: check the function's manifest uses`);
  return parsed.data;
};
