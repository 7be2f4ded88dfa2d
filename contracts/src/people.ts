import * as z from 'zod';

/** Who pays for an order: receipts go to `email`. */
export const Buyer = z.object({ email: z.email(), name: z.string().min(1).max(200) });
export type Buyer = z.infer<typeof Buyer>;

/** The person a ticket is for; shown at check-in and in the attendee list. */
export const Attendee = z.object({ name: z.string().min(1).max(200), email: z.email() });
export type Attendee = z.infer<typeof Attendee>;
