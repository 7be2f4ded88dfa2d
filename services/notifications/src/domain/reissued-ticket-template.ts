import type { TicketedEvent } from '@mytabs/contracts';
import { TICKET_TERMS } from './confirmation-files.ts';
import { composeEmail, html } from './email-layout.ts';
import { eventWhen, venueLines } from './event-time.ts';

export interface ReissuedTicketContent {
  event: TicketedEvent;
  ticket: { ticketId: string; qr: string; attendee: { name: string; email: string } };
  ticketType: string;
  links: { pkpass: string; ics: string; googleWallet?: string | undefined };
}

/** One email per new code of one ticket: `ticket-reissued` with `<ticketId>:<generation>`. */
export const reissuedEmailKey = (orderId: string, ticketId: string, generation: number) => ({
  orderId,
  template: 'ticket-reissued' as const,
  fact: `${ticketId}:${generation}`,
});

/**
 * To the ticket's holder: the ticket got a new code, the old one no longer admits anyone; the new
 * QR inline (and as a one-page PDF), with its wallet pass and calendar links.
 */
export const reissuedTicketEmail = ({
  event,
  ticket,
  ticketType,
  links,
}: ReissuedTicketContent) => {
  const when = eventWhen(event);
  const where = venueLines(event);
  const contentId = `qr-${ticket.ticketId}`;
  const text = [
    `Hello ${ticket.attendee.name},`,
    '',
    `Your ticket for ${event.name} has a new code. The code you had before no longer admits anyone: use this one.`,
    '',
    `When:  ${when}`,
    `Where: ${where.join(', ')}`,
    '',
    `${ticketType}, ticket ${ticket.ticketId}`,
    `Code (the QR image in this email and the attached PDF hold it): ${ticket.qr}`,
    '',
    `Add to Apple Wallet: ${links.pkpass}`,
    ...(links.googleWallet ? [`Save to Google Wallet: ${links.googleWallet}`] : []),
    `Add to your calendar: ${links.ics}`,
    '',
    TICKET_TERMS,
  ];
  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${event.name}</h1>
<p style="margin:0 0 16px;color:#444"><strong>${when}</strong><br>${where.join(', ')}</p>
<p>Hello ${ticket.attendee.name}, your ticket has a <strong>new code</strong>. The code you had before no longer admits anyone: use this one.</p>
<p><strong>${ticketType}</strong><br><small style="color:#666">${ticket.ticketId}</small></p>
<img src="cid:${contentId}" width="180" height="180" alt="QR code of ticket ${ticket.ticketId}" style="display:block">
<p><a href="${links.pkpass}" style="color:#0a58ca">Add to Apple Wallet</a> · ${links.googleWallet ? html`<a href="${links.googleWallet}" style="color:#0a58ca">Save to Google Wallet</a> · ` : ''}<a href="${links.ics}" style="color:#0a58ca">Add to calendar</a></p>
<p style="font-size:12px;color:#666">${TICKET_TERMS}</p>`;
  return composeEmail({
    to: ticket.attendee.email,
    subject: `Your new ticket for ${event.name}`,
    body,
    text,
    attachments: [
      { kind: 'qr-png', fileName: `${ticket.ticketId}.png`, contentId, text: ticket.qr },
      {
        kind: 'tickets-pdf',
        fileName: `${ticket.ticketId}.pdf`,
        title: `${event.name}: ticket ${ticket.ticketId}`,
        pages: [
          {
            eventName: event.name,
            details: [when, ...where],
            ticketType,
            attendee: ticket.attendee.name,
            ticketId: ticket.ticketId,
            qr: ticket.qr,
            terms: TICKET_TERMS,
          },
        ],
      },
    ],
  });
};
