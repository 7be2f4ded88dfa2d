import type { CartItem, PricedCart } from '@mytabs/contracts';
import { type Hold, holdExpiry } from './hold.ts';
import type { CatalogPort, HoldsPort, InventoryPort } from './ports.ts';
import { priceCart } from './price-cart.ts';
import { type Outcome, refuse } from './refusal.ts';

export interface HoldSeatsRequest {
  orderId: string;
  eventId: string;
  items: CartItem[];
}

export type HoldSeatsResult = Outcome<{ cart: PricedCart; holdExpiresAt: string }>;

export interface HoldSeatsDeps {
  catalog: CatalogPort;
  holds: HoldsPort;
  inventory: InventoryPort;
  now: Date;
  holdMinutes?: number;
}

/**
 * Holds an order's seats, all of them or none. Safe to repeat with the same order id after a
 * crash at any point: the hold record is written first (so the sweeper always sees it), every
 * take is idempotent, and a cart that cannot be filled gives back whatever this order took.
 */
export const holdSeats = async (
  request: HoldSeatsRequest,
  { catalog, holds, inventory, now, holdMinutes }: HoldSeatsDeps,
): Promise<HoldSeatsResult> => {
  const found = await catalog.findEvent(request.eventId);
  if (!found) return refuse('event-not-found', 'No such event.');
  const priced = priceCart(found.event, found.ticketTypes, request.items, now);
  if (!priced.ok) return priced;

  const hold: Hold = await holds.create({
    orderId: request.orderId,
    eventId: request.eventId,
    lines: priced.cart.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
    expiresAt: holdExpiry(now, holdMinutes),
    state: 'active',
    createdAt: now.toISOString(),
  });
  if (hold.state === 'refused') return refuse('sold-out', 'These seats are no longer available.');
  if (hold.state === 'released') return refuse('not-on-sale', 'This order was canceled.');
  // A confirmed order's seats are counted (and once it is settled, no longer marked): never again.
  if (hold.state === 'confirmed') {
    return { ok: true, cart: priced.cart, holdExpiresAt: hold.expiresAt };
  }

  for (const line of hold.lines) {
    const taken = await inventory.take(
      hold.eventId,
      line.ticketTypeId,
      hold.orderId,
      line.quantity,
    );
    if (taken === 'insufficient') {
      for (const other of hold.lines) {
        await inventory.giveBack(hold.eventId, other.ticketTypeId, hold.orderId);
      }
      await holds.setState(hold.orderId, 'refused');
      const name = found.ticketTypes.find((t) => t.ticketTypeId === line.ticketTypeId)?.name;
      return refuse('sold-out', `Not enough ${name} tickets left.`, line.ticketTypeId);
    }
  }
  return { ok: true, cart: priced.cart, holdExpiresAt: hold.expiresAt };
};
