import { IssueTicketsStep, TicketsIssued } from '@mytabs/contracts';
import {
  documentClient,
  invocationHandler,
  MetricUnit,
  metrics,
  publishOnce,
  tableName,
} from '@mytabs/lambda-kit';
import { announceVoidedTickets } from '../adapters/announce-voided-tickets.ts';
import { repositories } from '../adapters/repositories.ts';
import { ticketKey } from '../adapters/ticket-key.ts';
import { issueTickets } from '../domain/issue-tickets.ts';
import { toTicketedEvent } from '../domain/public-event.ts';
import { toOrderTicket } from '../domain/ticket.ts';

/**
 * `ticketing.issueTickets`: one signed ticket per seat, the same ones however often it runs, and
 * the event they admit to as it stands now (a moved event prints its new time). When a dispute or
 * a full refund voided the order meanwhile, it says so (`voided`) and announces TicketsVoided, so
 * the workflow emails no dead codes.
 */
export const handler = invocationHandler(IssueTicketsStep, async ({ order }) => {
  const stores = repositories();
  // Read first: an order whose event cannot be read gets no tickets it could not print.
  const found = await stores.catalog.readEvent(order.eventId);
  if (!found) throw new Error(`Order ${order.orderId} names event ${order.eventId}, which is gone`);
  const tickets = await issueTickets(order, { ...stores, signingKey: await ticketKey() });
  // Once on the bus: a retried step or a redrive finds it recorded and publishes it no more.
  await publishOnce(
    documentClient(),
    tableName(),
    TicketsIssued.build(
      {
        orderId: order.orderId,
        eventId: order.eventId,
        tickets: tickets.map((t) => ({
          ticketId: t.ticketId,
          ticketTypeId: t.ticketTypeId,
          attendee: t.attendee,
        })),
      },
      { idempotencyKey: `TicketsIssued:${order.orderId}`, correlationId: order.orderId },
    ),
  );
  // Counted per run: a retried step counts its tickets again (rare; the tickets themselves are not).
  metrics.addMetric('TicketsIssued', MetricUnit.Count, tickets.length);
  // Read after every ticket is written: a void that listed them before then finds them here.
  const voided = await stores.tickets.voidedBecause(order.orderId);
  if (voided) await announceVoidedTickets(stores.tickets, 'issueTickets', tickets, voided);
  return {
    tickets: tickets.map(toOrderTicket),
    event: toTicketedEvent(found.event),
    ...(voided && { voided }),
  };
});
