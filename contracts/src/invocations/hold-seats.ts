import * as z from 'zod';
import { CartItem } from '../cart.ts';
import { EventId, OrderId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { CatalogRefusal } from './catalog-refusal.ts';
import { defineInvocation } from './define-invocation.ts';
import { PricedCart } from './price-cart.ts';

/** `ticketing.holdSeats`: all of the cart's seats for one order, or none; safe to repeat. */
export const HoldSeatsInvocation = defineInvocation({
  ref: 'ticketing.holdSeats',
  request: z.object({ orderId: OrderId, eventId: EventId, items: z.array(CartItem).min(1) }),
  response: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), cart: PricedCart, holdExpiresAt: UtcDateTime }),
    z.object({ ok: z.literal(false), refusal: CatalogRefusal }),
  ]),
});
