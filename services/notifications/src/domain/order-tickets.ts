import type { OrderSnapshot, OrderTicket, TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';

/**
 * An order's tickets as its confirmation carried them, kept so they can be downloaded and sent
 * again (`tickets#<orderId>`), with each ticket's code replaced when ticketing reissues it: the
 * same read-model rule as orders' views, no call to another service at read time.
 */
export interface OrderTickets {
  order: OrderSnapshot;
  tickets: z.output<typeof OrderTicket>[];
  event: TicketedEvent;
  /** Each reissued ticket's generation: an older reissue arriving late changes nothing. */
  generations: Record<string, number>;
}

export interface ReissuedCode {
  ticketId: string;
  qr: string;
  generation: number;
}

/** The tickets with one ticket's new code, or undefined when it is not newer than what is kept. */
export const withReissuedCode = (
  kept: OrderTickets,
  reissued: ReissuedCode,
): OrderTickets | undefined => {
  if ((kept.generations[reissued.ticketId] ?? 0) >= reissued.generation) return undefined;
  if (!kept.tickets.some((t) => t.ticketId === reissued.ticketId)) return undefined;
  return {
    ...kept,
    tickets: kept.tickets.map((t) =>
      t.ticketId === reissued.ticketId ? { ...t, qr: reissued.qr } : t,
    ),
    generations: { ...kept.generations, [reissued.ticketId]: reissued.generation },
  };
};
