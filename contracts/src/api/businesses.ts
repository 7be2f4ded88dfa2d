import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { CountryCode } from '../address.ts';
import { BusinessId, UserId } from '../ids.ts';
import { Currency, MinorUnits, Money } from '../money.ts';
import { UtcDateTime } from '../time.ts';

export const BusinessPathParams = z.object({ businessId: BusinessId });

export const CreateBusinessRequest = z
  .object({
    name: z.string().min(1).max(200),
    country: CountryCode,
    currency: Currency,
    /** Per-ticket service fee in `currency`'s minor unit; zero when omitted. */
    ticketFee: MinorUnits.optional(),
  })
  .meta({ id: 'CreateBusinessRequest' });
export type CreateBusinessRequest = z.infer<typeof CreateBusinessRequest>;

export const Business = z
  .object({
    businessId: BusinessId,
    name: z.string().min(1),
    country: CountryCode,
    ticketFee: Money,
    ownerUserId: UserId,
    createdAt: UtcDateTime,
  })
  .meta({ id: 'Business' });
export type Business = z.infer<typeof Business>;

/** One of the caller's businesses, with the caller's role in it. */
export const MyBusiness = z
  .object({ businessId: BusinessId, name: z.string().min(1), role: Role })
  .meta({ id: 'MyBusiness' });

export const ListMyBusinessesResponse = z
  .object({ items: z.array(MyBusiness) })
  .meta({ id: 'ListMyBusinessesResponse' });
export type ListMyBusinessesResponse = z.infer<typeof ListMyBusinessesResponse>;
