import type * as z from 'zod';
import type { TicketsPort } from './ports.ts';
import type { IssuedTicket } from './ticket.ts';
import type { TicketClaims } from './ticket-qr.ts';

export interface ReissueRequest {
  /** The request's Idempotency-Key, or its own id: a retry with the same key reissues once. */
  requestKey: string;
  userId: string;
}

/**
 * The ticket with its next code: the same claims one generation on, so every earlier code stops
 * admitting. A retry of the request that made the current code gets that code back unchanged;
 * `conflict` when another reissue changed the ticket between the read and the write.
 */
export const reissueTicket = async (
  ticket: IssuedTicket,
  request: ReissueRequest,
  deps: { tickets: TicketsPort; sign: (claims: z.input<typeof TicketClaims>) => string },
): Promise<(IssuedTicket & { generation: number }) | 'conflict'> => {
  if (ticket.generation && ticket.reissuedBy?.requestKey === request.requestKey) {
    return { ...ticket, generation: ticket.generation };
  }
  const generation = (ticket.generation ?? 0) + 1;
  const next = {
    generation,
    qr: deps.sign({
      ticketId: ticket.ticketId,
      ticketTypeId: ticket.ticketTypeId,
      orderId: ticket.orderId,
      eventId: ticket.eventId,
      generation,
    }),
    reissuedBy: request,
  };
  return (await deps.tickets.reissue(ticket, next)) ? { ...ticket, ...next } : 'conflict';
};
