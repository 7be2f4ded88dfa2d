import * as z from 'zod';
import { CartItem } from '../cart.ts';
import { BusinessId, EventId, TaxLocationId, TicketTypeId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { CatalogRefusal } from './catalog-refusal.ts';
import { defineInvocation } from './define-invocation.ts';

export const PricedLine = z.object({
  ticketTypeId: TicketTypeId,
  name: z.string(),
  quantity: z.number().int().min(1),
  unitAmount: MinorUnits,
  /** unitAmount × quantity: a Stripe Tax line's amount. */
  amount: MinorUnits,
  taxBehavior: z.enum(['exclusive', 'inclusive']),
  taxCode: z.string(),
});
export type PricedLine = z.infer<typeof PricedLine>;

export const PricedCart = z.object({
  eventId: EventId,
  businessId: BusinessId,
  currency: Currency,
  /** The venue's Stripe Tax performance location: admission is taxed where the event is. */
  taxLocationId: TaxLocationId,
  /** The business's per-ticket service fee, in the cart's currency (may be zero). */
  serviceFeePerTicket: MinorUnits,
  lines: z.array(PricedLine).min(1),
});
export type PricedCart = z.infer<typeof PricedCart>;

/** `ticketing.priceCart`: the catalog's prices for a cart, never the client's. */
export const PriceCartInvocation = defineInvocation({
  ref: 'ticketing.priceCart',
  request: z.object({ eventId: EventId, items: z.array(CartItem).min(1) }),
  response: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), cart: PricedCart }),
    z.object({ ok: z.literal(false), refusal: CatalogRefusal }),
  ]),
});
