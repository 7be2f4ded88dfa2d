import type { TicketType } from '@mytabs/contracts';
import type { AttendeeRecord, CheckInOutcome } from './attendee.ts';
import type { Hold, HoldLine, HoldState } from './hold.ts';
import type { PriceableEvent } from './price-cart.ts';
import type { IssuedTicket, VoidAnnouncer, VoidReason } from './ticket.ts';

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

/** Fulfillment's extra need: forgetting a sold order's mark without giving its seats back. */
export interface SettlingInventoryPort extends InventoryPort {
  settle(eventId: string, ticketTypeId: string, orderId: string): Promise<'settled' | 'not-held'>;
}

export interface HoldsPort {
  find(orderId: string): Promise<Hold | undefined>;
  /** Writes the hold if the order has none yet; answers the hold that is stored either way. */
  create(hold: Hold): Promise<Hold>;
  setState(orderId: string, state: HoldState): Promise<void>;
}

/** Fulfillment's extra needs: conditional state changes and settlement. */
export interface ClaimableHoldsPort extends HoldsPort {
  /** Moves the hold from one state to another if it is still in `from`; false if it was not. */
  transition(orderId: string, from: HoldState, to: HoldState, lines?: HoldLine[]): Promise<boolean>;
  markSettled(orderId: string, at: string): Promise<void>;
}

export interface TicketsPort {
  /** Writes each ticket that does not exist yet; an existing one is left as it is. */
  put(tickets: IssuedTicket[]): Promise<void>;
  /** The order's tickets as stored, in line and unit order. */
  listForOrder(orderId: string): Promise<IssuedTicket[]>;
  find(orderId: string, ticketId: string): Promise<IssuedTicket | undefined>;
  /**
   * Gives the ticket its next code, if it still is at the generation `from` was read at; false
   * when another reissue came first.
   */
  reissue(
    from: IssuedTicket,
    next: Required<Pick<IssuedTicket, 'qr' | 'generation' | 'reissuedBy'>>,
  ): Promise<boolean>;
  /** Marks every ticket of the order, issued or still to come, void; false if it already was. */
  voidOrder(orderId: string, reason: VoidReason, at: string): Promise<boolean>;
  /** Why the order's tickets are void, or undefined while they admit. */
  voidedBecause(orderId: string): Promise<VoidReason | undefined>;
  /**
   * Claims announcing the order's void for one side; the first to ask wins for good. True for
   * the winner, on every retry too; false for the other side.
   */
  claimVoidAnnouncement(orderId: string, by: VoidAnnouncer): Promise<boolean>;
}

export interface AttendeesPort {
  /** Writes each attendee that is not on the list yet; answers how many were new. */
  record(attendees: AttendeeRecord[]): Promise<number>;
  checkIn(eventId: string, ticketId: string, by: string, at: string): Promise<CheckInOutcome>;
}
