import * as z from 'zod';
import { EventId, TicketTypeId } from '../ids.ts';
import { Currency } from '../money.ts';

const Count = z.number().int().min(0);
/** An amount in the currency's minor units, as `MinorUnits` (a sum, so not one of its values). */
const Minor = z.number().int().min(0);

/**
 * An event's figures, in its currency. `gross` is the tickets' prices without tax (the tax inside
 * a tax-inclusive price is counted in `tax`), `fees` the service fees, `tax` all tax; `refunded` what went back to them; `net` what buyers paid and kept paid
 * (`gross + fees + tax - refunded`). `sold` counts valid tickets (a full refund or a dispute voids
 * them); `held` seats held for unpaid orders; `available` is capacity less both.
 */
export const SalesFigures = z
  .object({
    sold: Count,
    held: Count,
    /** Absent for a ticket type added after the event was published (its capacity is unknown here). */
    available: Count.optional(),
    checkedIn: Count,
    gross: Minor,
    fees: Minor,
    tax: Minor,
    refunded: Minor,
    net: z.number().int(),
  })
  .meta({ id: 'SalesFigures' });
export type SalesFigures = z.infer<typeof SalesFigures>;

export const TicketTypeSales = SalesFigures.extend({
  ticketTypeId: TicketTypeId,
  name: z.string().min(1).optional(),
  capacity: Count.optional(),
}).meta({ id: 'TicketTypeSales' });
export type TicketTypeSales = z.infer<typeof TicketTypeSales>;

export const EventSales = z
  .object({
    eventId: EventId,
    currency: Currency,
    ticketTypes: z.array(TicketTypeSales),
    total: SalesFigures,
  })
  .meta({ id: 'EventSales' });
export type EventSales = z.infer<typeof EventSales>;
