import { operations } from '@mytabs/contracts';
import { httpHandler } from '@mytabs/lambda-kit';
import { downloadableTickets } from '../adapters/downloadable-tickets.ts';
import { ticketsPdf } from '../adapters/tickets-pdf.ts';
import { ticketsPdfSpec } from '../domain/confirmation-files.ts';
import { ticketsPdfPath } from '../domain/download-links.ts';

/** `GET /orders/{orderId}/tickets.pdf`: every ticket of the order, with its current code. */
export const handler = httpHandler(operations.downloadTicketsPdf, async (request) => {
  const kept = await downloadableTickets({
    orderId: request.params.orderId,
    principal: request.principal,
    path: ticketsPdfPath(request.params.orderId),
    link: request.query,
  });
  const spec = ticketsPdfSpec(kept);
  return {
    status: 200,
    headers: {
      'content-disposition': `attachment; filename="${spec.fileName}"`,
      'cache-control': 'private, no-store',
    },
    raw: { contentType: 'application/pdf', bytes: await ticketsPdf(spec) },
  };
});
