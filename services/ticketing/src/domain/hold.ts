/** A hold: the seats one order keeps off sale while its buyer pays. */
export interface HoldLine {
  ticketTypeId: string;
  quantity: number;
}

export type HoldState = 'active' | 'confirmed' | 'released' | 'refused';

export interface Hold {
  orderId: string;
  eventId: string;
  lines: HoldLine[];
  /** When the sweeper reports it expired; seats are only ever released through PaymentCanceled. */
  expiresAt: string;
  state: HoldState;
  createdAt: string;
  /**
   * Set once the order is FULFILLED: its `holds.<orderId>` inventory entries are then removed
   * (the seats stay sold), so ticket type items do not grow with every order ever sold.
   */
  settledAt?: string;
}

export const DEFAULT_HOLD_MINUTES = 15;

export const holdExpiry = (now: Date, minutes = DEFAULT_HOLD_MINUTES) =>
  new Date(now.getTime() + minutes * 60_000).toISOString();
