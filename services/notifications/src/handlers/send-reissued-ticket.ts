import { TicketReissued } from '@mytabs/contracts';
import { documentClient, eventHandler, logger, tableName } from '@mytabs/lambda-kit';
import { ticketLinks } from '../adapters/confirmation-message.ts';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { orderTicketsRepository } from '../adapters/order-tickets-repository.ts';
import { ticketTypeName } from '../domain/confirmation-files.ts';
import { reissuedEmailKey, reissuedTicketEmail } from '../domain/reissued-ticket-template.ts';

/**
 * `notifications.sendReissuedTicket` (TicketReissued): the kept tickets take the new code, so
 * downloads and re-sends carry it, and the holder gets one email with the new ticket per new code,
 * however often the event is delivered or replayed.
 */
export const handler = eventHandler([TicketReissued], async ({ data }) => {
  const kept = await orderTicketsRepository(documentClient(), tableName()).replaceCode(
    data.orderId,
    data,
  );
  if (!kept) {
    // Orders confirmed before tickets were kept have nothing to render the email from.
    logger.warn('Reissued ticket of an order without kept tickets: no email', {
      orderId: data.orderId,
      ticketId: data.ticketId,
    });
    return;
  }
  const links = await ticketLinks(kept);
  const files = links.tickets[data.ticketId];
  if (!files || kept.generations[data.ticketId] !== data.generation) {
    logger.info('Reissued ticket not sent: the order has a newer code or no such ticket', {
      orderId: data.orderId,
      ticketId: data.ticketId,
      generation: data.generation,
    });
    return;
  }
  const message = reissuedTicketEmail({
    event: kept.event,
    ticket: { ticketId: data.ticketId, qr: data.qr, attendee: data.attendee },
    ticketType: ticketTypeName(kept.order, data.ticketTypeId),
    links: { ...files, googleWallet: links.googleWallet },
  });
  await sendToBuyer(
    {
      ...reissuedEmailKey(data.orderId, data.ticketId, data.generation),
      businessId: data.businessId,
    },
    message,
  );
});
