import * as z from 'zod';

/** ISO 3166-1 alpha-2, upper case, as Stripe Tax takes it. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. US');

/** The buyer's address: country and postal code at least, for reverse-charge rules. */
export const BuyerAddress = z.object({
  country: CountryCode,
  postalCode: z.string().min(1).max(20),
  state: z.string().min(1).max(100).optional(),
  city: z.string().min(1).max(100).optional(),
  line1: z.string().min(1).max(200).optional(),
});
export type BuyerAddress = z.infer<typeof BuyerAddress>;

/** Where an event takes place: admission is taxed there (a Stripe Tax performance location). */
export const Venue = z.object({
  name: z.string().min(1).max(200),
  line1: z.string().min(1).max(200),
  line2: z.string().min(1).max(200).optional(),
  city: z.string().min(1).max(100),
  state: z.string().min(1).max(100).optional(),
  postalCode: z.string().min(1).max(20),
  country: CountryCode,
});
export type Venue = z.infer<typeof Venue>;
