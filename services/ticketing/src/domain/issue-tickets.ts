import type { KeyObject } from 'node:crypto';
import type { OrderSnapshot } from '@mytabs/contracts';
import type { Hold } from './hold.ts';
import type { HoldsPort, TicketsPort } from './ports.ts';
import { type IssuedTicket, planTickets } from './ticket.ts';
import { signTicketQr } from './ticket-qr.ts';

/** Tickets are only ever issued for seats the order owns: ConfirmHold must have run first. */
export class HoldNotConfirmedError extends Error {
  override name = 'HoldNotConfirmed';
}

/**
 * Writes the order's tickets (deterministic ids, each written once) and answers them as stored,
 * so a repeat, a retry after a crash half-way, or a redrive all end with the same tickets.
 */
export const issueTickets = async (
  order: OrderSnapshot,
  deps: { holds: HoldsPort; tickets: TicketsPort; signingKey: KeyObject },
): Promise<IssuedTicket[]> => {
  const hold = await deps.holds.find(order.orderId);
  if (hold?.state !== 'confirmed') {
    throw new HoldNotConfirmedError(`Order ${order.orderId} has no confirmed hold`);
  }
  const planned = planTickets(order).map((t) => ({ ...t, qr: signTicketQr(t, deps.signingKey) }));
  await deps.tickets.put(planned);
  return deps.tickets.listForOrder(order.orderId);
};

/**
 * Whether every ticket the order's hold paid for is written: tickets are written one by one, so a
 * void that lists them while IssueTickets runs may see only some.
 */
export const allTicketsIssued = (hold: Hold | undefined, tickets: readonly IssuedTicket[]) =>
  tickets.length > 0 &&
  (hold === undefined || tickets.length === hold.lines.reduce((n, l) => n + l.quantity, 0));
