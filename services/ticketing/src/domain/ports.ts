import type { TicketType } from '@mytabs/contracts';
import type { Hold, HoldState } from './hold.ts';
import type { PriceableEvent } from './price-cart.ts';

/** What the domain needs from storage; the DynamoDB adapters implement it. */
export interface CatalogPort {
  /** The event and its ticket types, availability read consistently. */
  findEvent(
    eventId: string,
  ): Promise<{ event: PriceableEvent; ticketTypes: TicketType[] } | undefined>;
}

/**
 * Seat counts. Each call is one conditional write on the ticket type: the decrement and the mark
 * that this order took its seats happen together or not at all, so a retry never counts twice.
 */
export interface InventoryPort {
  take(
    eventId: string,
    ticketTypeId: string,
    orderId: string,
    quantity: number,
  ): Promise<'taken' | 'already-taken' | 'insufficient'>;
  giveBack(
    eventId: string,
    ticketTypeId: string,
    orderId: string,
  ): Promise<'returned' | 'not-held'>;
}

export interface HoldsPort {
  find(orderId: string): Promise<Hold | undefined>;
  /** Writes the hold if the order has none yet; answers the hold that is stored either way. */
  create(hold: Hold): Promise<Hold>;
  setState(orderId: string, state: HoldState): Promise<void>;
}
