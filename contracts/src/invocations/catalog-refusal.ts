import * as z from 'zod';

/** Why ticketing will not price or hold a cart: an answer, not a failure. */
export const CatalogRefusal = z.object({
  code: z.enum([
    'event-not-found',
    'event-canceled',
    'not-on-sale',
    'unknown-ticket-type',
    'duplicate-ticket-type',
    'over-per-order-limit',
    'mixed-currencies',
    'sold-out',
  ]),
  message: z.string(),
  ticketTypeId: z.string().optional(),
});
export type CatalogRefusal = z.infer<typeof CatalogRefusal>;
