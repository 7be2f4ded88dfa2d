/**
 * Why seats cannot be priced or held. A refusal is an answer, not a failure: it travels back to
 * the caller as a value (a thrown error would be retried by Lambda and by workflows).
 */
export type RefusalCode =
  | 'event-not-found'
  | 'event-canceled'
  | 'not-on-sale'
  | 'unknown-ticket-type'
  | 'duplicate-ticket-type'
  | 'over-per-order-limit'
  | 'mixed-currencies'
  | 'sold-out';

export interface Refusal {
  code: RefusalCode;
  message: string;
  ticketTypeId?: string;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

export const refuse = (code: RefusalCode, message: string, ticketTypeId?: string) =>
  ({ ok: false, refusal: { code, message, ...(ticketTypeId && { ticketTypeId }) } }) as const;
