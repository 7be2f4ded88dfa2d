import type { Plan } from '@mytabs/plan';
import { emailsLedger } from './emails-ledger.ts';
import { factsLedger } from './facts-ledger.ts';
import type { LedgerBreak, LedgerInvariant } from './ledger.ts';
import { readLedgerState } from './ledger-state.ts';
import { orderTicketsLedger } from './order-tickets-ledger.ts';
import { waitUntilQuiet } from './platform-quiet.ts';
import { seatsLedger } from './seats-ledger.ts';

/**
 * An invariant a test leaves broken on purpose, with why (e.g. a drill stopped half-way). Only
 * the invariants named are skipped; the others are still checked.
 */
export type LedgerExceptions = Partial<Record<LedgerInvariant, string>>;

/**
 * The ledger check: waits until the platform is quiet (at most `quietTimeoutMs`; whatever still
 * moves then is a break of its own), reads its state through the AWS SDK and the local
 * SES and bus, and answers every broken invariant, each naming its ticket type, order, email or
 * event and the numbers:
 * - seats (seats-ledger.ts): per ticket type, seats taken = seats of active and confirmed holds,
 *   within capacity, and the take marks match those holds;
 * - tickets (order-tickets-ledger.ts): every fulfilled order has exactly its tickets, once each;
 *   unpaid, canceled and failed orders have no valid tickets and hold no seats; no ticket
 *   without its order;
 * - emails (emails-ledger.ts): every sent record matches exactly one email SES accepted, and no
 *   email was accepted without its record (identity's invitations keep none: they are let be);
 * - facts (facts-ledger.ts): no two events on the bus share an idempotency key, and every fact a
 *   service recorded as published is on it.
 */
export const checkLedger = async (
  plan: Pick<Plan, 'tables'>,
  endpoints: { edge: string; ses: string },
  options: { exceptions?: LedgerExceptions; quietTimeoutMs?: number } = {},
): Promise<LedgerBreak[]> => {
  const moving = await waitUntilQuiet(endpoints.edge, options.quietTimeoutMs);
  const state = await readLedgerState(plan, endpoints);
  const { ticketing = [], orders = [], notifications = [] } = state.tables;
  const breaks = [
    ...moving.map(
      (what): LedgerBreak => ({
        invariant: 'quiet',
        subject: what,
        detail: 'still running after the wait',
      }),
    ),
    ...seatsLedger(ticketing),
    ...orderTicketsLedger(orders, ticketing),
    ...emailsLedger(notifications, state.emails),
    ...factsLedger(state.tables, state.events),
  ];
  const skipped = options.exceptions ?? {};
  return breaks.filter((b) => b.invariant === 'quiet' || skipped[b.invariant] === undefined);
};

/** The breaks as lines for a report or a failed test; `ledger: ok` when there are none. */
export const formatLedger = (breaks: readonly LedgerBreak[]) =>
  breaks.length === 0
    ? 'ledger: ok'
    : [
        `ledger: ${breaks.length} broken`,
        ...breaks.map((b) => `  [${b.invariant}] ${b.subject}: ${b.detail}`),
      ].join('\n');
