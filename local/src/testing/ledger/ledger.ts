/** The four things the ledger check holds the platform's state to (see ledger-check.ts). */
export type LedgerInvariant = 'seats' | 'tickets' | 'emails' | 'facts';

/** One broken invariant: what it is about (a ticket type, an order, an email, an event) and why. */
export interface LedgerBreak {
  invariant: LedgerInvariant | 'quiet';
  subject: string;
  detail: string;
}

export type Item = Record<string, unknown>;

/** An email as the local SES's store keeps it (what SendEmail was given, with its MessageId). */
export interface SentEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
}

/** A domain event as the bus's archive holds it. */
export interface BusEvent {
  id: string;
  'detail-type': string;
  source: string;
  detail: { metadata?: { idempotencyKey?: string } } & Record<string, unknown>;
}

/** Everything the invariants read, at one quiet moment. */
export interface LedgerState {
  /** Every item of each service's table, by service (`ticketing`, `orders`, ...). */
  tables: Readonly<Record<string, readonly Item[]>>;
  emails: readonly SentEmail[];
  events: readonly BusEvent[];
}
