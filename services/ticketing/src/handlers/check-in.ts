import { createPublicKey } from 'node:crypto';
import { businessAccess, CheckedIn, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, publish, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { ticketKey } from '../adapters/ticket-key.ts';
import { verifyTicketQr } from '../domain/ticket-qr.ts';

/** A scan at the door: a genuine ticket of this event gets in once; a second scan is refused. */
export const handler = httpHandler(operations.checkIn, async ({ params, body, principal }) => {
  const { catalog, attendees, tickets } = repositories();
  const found = await catalog.readEvent(params.eventId);
  if (!found) throw new HttpProblem(404, 'No such event.');
  refuseUnlessAllowed(
    businessAccess(principal, found.event.businessId, 'checkIn'),
    'No such event.',
  );
  if (found.event.status === 'CANCELED') {
    throw new HttpProblem(409, 'This event was canceled: its tickets admit no one.', {
      code: 'event-canceled',
    });
  }
  const claims = verifyTicketQr(body.qr, createPublicKey(await ticketKey()));
  if (!claims) {
    throw new HttpProblem(400, 'This is not a valid ticket.', {
      errors: [{ path: 'qr', message: 'must be a ticket code signed by MyTabs' }],
    });
  }
  if (claims.eventId !== params.eventId) {
    throw new HttpProblem(409, 'This ticket is for another event.', { ticketId: claims.ticketId });
  }
  const current = await tickets.find(claims.orderId, claims.ticketId);
  if (current && (current.generation ?? 0) !== claims.generation) {
    throw new HttpProblem(409, 'This code was replaced: the ticket was reissued with a new one.', {
      ticketId: claims.ticketId,
      replaced: true,
    });
  }
  const voided = await tickets.voidedBecause(claims.orderId);
  if (voided) {
    throw new HttpProblem(409, `This ticket was voided: its order was ${voided}.`, {
      ticketId: claims.ticketId,
      voided,
    });
  }
  const scan = await attendees.checkIn(
    params.eventId,
    claims.ticketId,
    principal.userId,
    new Date().toISOString(),
  );
  if (scan.outcome === 'unknown-ticket') throw new HttpProblem(404, 'No such ticket.');
  const { attendee } = scan;
  if (scan.outcome === 'already-checked-in') {
    throw new HttpProblem(409, `This ticket was already scanned at ${attendee.checkedInAt}.`, {
      ticketId: attendee.ticketId,
      checkedInAt: attendee.checkedInAt,
    });
  }
  await publish(
    CheckedIn.build(
      {
        ticketId: attendee.ticketId,
        ticketTypeId: attendee.ticketTypeId,
        eventId: attendee.eventId,
        orderId: attendee.orderId,
        checkedInBy: principal.userId,
      },
      { idempotencyKey: `CheckedIn:${attendee.ticketId}`, correlationId: attendee.orderId },
    ),
  );
  return {
    status: 201,
    body: {
      ticketId: attendee.ticketId,
      ticketTypeId: attendee.ticketTypeId,
      eventId: attendee.eventId,
      attendee: { name: attendee.name, email: attendee.email },
      checkedInAt: attendee.checkedInAt,
    },
  };
});
