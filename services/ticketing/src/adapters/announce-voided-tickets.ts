import { TicketsVoided } from '@mytabs/contracts';
import { documentClient, publishOnce, tableName } from '@mytabs/lambda-kit';
import type { TicketsPort } from '../domain/ports.ts';
import type { IssuedTicket, VoidAnnouncer, VoidReason } from '../domain/ticket.ts';

/**
 * TicketsVoided for an order, once, naming all its tickets. A void (a dispute, a full refund) and
 * IssueTickets can run at the same time, so both call this: the void after writing its mark and
 * finding every ticket written, IssueTickets after writing the tickets and finding the mark. Each
 * reads what the other writes only after its own write, so at least one of them sees both. When
 * both do, at once, publishOnce alone would let both publish (each checks before the other
 * records), so the first to claim the announcement makes it, and its own retries after a crash.
 */
export const announceVoidedTickets = async (
  tickets: Pick<TicketsPort, 'claimVoidAnnouncement'>,
  by: VoidAnnouncer,
  issued: readonly IssuedTicket[],
  reason: VoidReason,
) => {
  const [first] = issued;
  if (!first) return;
  if (!(await tickets.claimVoidAnnouncement(first.orderId, by))) return;
  await publishOnce(
    documentClient(),
    tableName(),
    TicketsVoided.build(
      {
        orderId: first.orderId,
        eventId: first.eventId,
        ticketIds: issued.map((t) => t.ticketId),
        reason,
      },
      { idempotencyKey: `TicketsVoided:${first.orderId}`, correlationId: first.orderId },
    ),
  );
};
