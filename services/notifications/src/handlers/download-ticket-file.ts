import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { appleWalletPass } from '../adapters/apple-wallet-pass.ts';
import { calendarIcs } from '../adapters/calendar-ics.ts';
import { downloadableTickets } from '../adapters/downloadable-tickets.ts';
import { applePassCertificate } from '../adapters/wallet-credentials.ts';
import { ticketFilePath } from '../domain/download-links.ts';
import { ticketCalendarSpec, walletTickets } from '../domain/ticket-documents.ts';

/** `GET /orders/{orderId}/tickets/{ticketId}.pkpass|.ics`: one ticket, as it admits now. */
export const handler = httpHandler(operations.downloadTicketFile, async (request) => {
  const { orderId } = request.params;
  const { ticketId, format } = request.params.ticketFile;
  const kept = await downloadableTickets({
    orderId,
    principal: request.principal,
    path: ticketFilePath(orderId, ticketId, format),
    link: request.query,
  });
  const ticket = walletTickets(kept).find((t) => t.ticket.ticketId === ticketId);
  if (!ticket) throw new HttpProblem(404, 'No such ticket in this order.');
  const headers = {
    'content-disposition': `attachment; filename="${ticketId}.${format}"`,
    'cache-control': 'private, no-store',
  };
  if (format === 'ics') {
    return {
      status: 200,
      headers,
      raw: {
        contentType: 'text/calendar; charset=utf-8',
        text: calendarIcs(ticketCalendarSpec(ticket)),
      },
    };
  }
  return {
    status: 200,
    headers,
    raw: {
      contentType: 'application/vnd.apple.pkpass',
      bytes: appleWalletPass(ticket, await applePassCertificate()),
    },
  };
});
