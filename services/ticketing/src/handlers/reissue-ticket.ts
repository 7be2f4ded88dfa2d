import { businessAccess, operations, TicketReissued } from '@mytabs/contracts';
import {
  documentClient,
  HttpProblem,
  httpHandler,
  publishOnce,
  refuseUnlessAllowed,
  tableName,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { ticketKey } from '../adapters/ticket-key.ts';
import { reissueTicket } from '../domain/reissue-ticket.ts';
import { signTicketQr } from '../domain/ticket-qr.ts';

/** An owner or manager gives a leaked ticket a new code; the holder is emailed the new ticket. */
export const handler = httpHandler(
  operations.reissueTicket,
  async ({ params, headers, principal, requestId }) => {
    const { tickets } = repositories();
    const ticket = await tickets.find(params.orderId, params.ticketId);
    if (!ticket) throw new HttpProblem(404, 'No such ticket.');
    refuseUnlessAllowed(businessAccess(principal, ticket.businessId, 'orders'), 'No such ticket.');
    const voided = await tickets.voidedBecause(ticket.orderId);
    if (voided) {
      throw new HttpProblem(409, `This ticket was voided: its order was ${voided}.`, { voided });
    }
    const key = await ticketKey();
    const reissued = await reissueTicket(
      ticket,
      { requestKey: headers['idempotency-key'] ?? requestId, userId: principal.userId },
      { tickets, sign: (claims) => signTicketQr(claims, key) },
    );
    if (reissued === 'conflict') {
      throw new HttpProblem(409, 'The ticket was reissued meanwhile: read it again.');
    }
    // A retry of the same request answers the same ticket and publishes nothing more.
    await publishOnce(
      documentClient(),
      tableName(),
      TicketReissued.build(
        {
          ticketId: reissued.ticketId,
          ticketTypeId: reissued.ticketTypeId,
          orderId: reissued.orderId,
          eventId: reissued.eventId,
          businessId: reissued.businessId,
          attendee: reissued.attendee,
          generation: reissued.generation,
          qr: reissued.qr,
          reissuedBy: principal.userId,
        },
        {
          idempotencyKey: `TicketReissued:${reissued.ticketId}:${reissued.generation}`,
          correlationId: reissued.orderId,
        },
      ),
    );
    return {
      status: 200,
      body: {
        ticketId: reissued.ticketId,
        orderId: reissued.orderId,
        generation: reissued.generation,
        qr: reissued.qr,
      },
    };
  },
);
