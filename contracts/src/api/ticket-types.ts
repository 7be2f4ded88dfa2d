import * as z from 'zod';
import { EventId, TicketTypeId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';

/** A Stripe Tax product tax code, e.g. `txcd_50010001` (admission to a live event). */
export const TaxCode = z
  .string()
  .regex(/^txcd_\d{8}$/, 'must be a Stripe tax code, e.g. txcd_50010001');

export const CreateTicketTypeRequest = z
  .object({
    name: z.string().min(1).max(100),
    price: MinorUnits,
    currency: Currency,
    /** Whether `price` includes tax (`inclusive`) or tax is added on top (`exclusive`). */
    taxBehavior: z.enum(['exclusive', 'inclusive']),
    taxCode: TaxCode,
    capacity: z.number().int().min(1).max(1_000_000),
    perOrderLimit: z.number().int().min(1).max(100),
  })
  .meta({ id: 'CreateTicketTypeRequest' });
export type CreateTicketTypeRequest = z.infer<typeof CreateTicketTypeRequest>;

export const TicketType = CreateTicketTypeRequest.extend({
  ticketTypeId: TicketTypeId,
  eventId: EventId,
  available: z.number().int().min(0),
}).meta({ id: 'TicketType' });
export type TicketType = z.infer<typeof TicketType>;
