import {
  type ConfirmationContent,
  confirmationFiles,
  qrContentId,
  TICKET_TERMS,
  ticketCount,
  ticketTypeName,
} from './confirmation-files.ts';
import { composeEmail, html } from './email-layout.ts';
import { eventWhen, venueLines } from './event-time.ts';
import { formatMoney } from './money-format.ts';

const walletLinks = (ticket: { pkpass: string; ics: string } | undefined) =>
  ticket
    ? html`<br><a href="${ticket.pkpass}" style="color:#0a58ca">Add to Apple Wallet</a> · <a href="${ticket.ics}" style="color:#0a58ca">Add to calendar</a>`
    : '';

/**
 * The order confirmation, to the buyer: the event (its local time in its own time zone, the
 * venue), every ticket with its type, attendee and a QR image the door scans, what was paid, a
 * link to the order; its files (confirmation-files.ts) are the QR images, the PDF and the `.ics`.
 */
export const orderConfirmationEmail = (content: ConfirmationContent) => {
  const { order, tickets, event, orderUrl, links } = content;
  const typeName = (ticketTypeId: string) => ticketTypeName(order, ticketTypeId);
  const money = (minor: number) => formatMoney(minor, order.currency);
  const when = eventWhen(event);
  const where = venueLines(event);
  const count = ticketCount(tickets.length);
  const payment: [string, string][] = [
    ...order.lines.map((l): [string, string] => [`${l.quantity} × ${l.name}`, money(l.amount)]),
    ['Fees', money(order.fees)],
    ['Tax', money(order.tax)],
    ['Total paid', money(order.amount)],
  ];

  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `Your ${count} for ${event.name}, order ${order.orderId}.`,
    '',
    `When:  ${when}`,
    `Where: ${where.join(', ')}`,
    '',
    ...tickets.flatMap((t, i) => [
      `Ticket ${i + 1}: ${typeName(t.ticketTypeId)} for ${t.attendee.name}`,
      `  Ticket id: ${t.ticketId}`,
      `  Code (the QR image in this email and the attached PDF hold it): ${t.qr}`,
      ...(links?.tickets[t.ticketId]
        ? [`  Add to Apple Wallet: ${links.tickets[t.ticketId]?.pkpass}`]
        : []),
      '',
    ]),
    ...(links
      ? [
          ...(links.googleWallet ? [`Save to Google Wallet: ${links.googleWallet}`] : []),
          `Download the PDF: ${links.pdf}`,
          '',
        ]
      : []),
    ...payment.map(([label, amount]) => `${label}: ${amount}`),
    '',
    `Your order: ${orderUrl}`,
    '',
    TICKET_TERMS,
  ];

  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${event.name}</h1>
<p style="margin:0 0 16px;color:#444"><strong>${when}</strong><br>${where.map((l, i) => (i ? html`<br>${l}` : html`${l}`))}</p>
<p>Hello ${order.buyer.name}, here are your ${count} (order <strong>${order.orderId}</strong>). Show each code at the door; the attached PDF holds them too.</p>
${tickets.map(
  (
    t,
  ) => html`<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border:1px solid #ddd;border-radius:6px;margin:12px 0"><tr>
<td style="padding:12px;vertical-align:top"><strong>${typeName(t.ticketTypeId)}</strong><br>${t.attendee.name}<br><small style="color:#666">${t.ticketId}</small>${walletLinks(links?.tickets[t.ticketId])}</td>
<td style="padding:12px;width:180px"><img src="cid:${qrContentId(t.ticketId)}" width="180" height="180" alt="QR code of ticket ${t.ticketId}" style="display:block"></td>
</tr></table>`,
)}
<table role="presentation" cellpadding="4" style="border-collapse:collapse;margin:16px 0">
${payment.map(([label, amount], i) => html`<tr${i === payment.length - 1 ? html` style="font-weight:bold"` : ''}><td>${label}</td><td align="right">${amount}</td></tr>`)}
</table>
${links ? html`<p>${links.googleWallet ? html`<a href="${links.googleWallet}" style="color:#0a58ca">Save to Google Wallet</a> · ` : ''}<a href="${links.pdf}" style="color:#0a58ca">Download the PDF</a></p>` : ''}
<p><a href="${orderUrl}" style="color:#0a58ca">View your order</a></p>
<p style="font-size:12px;color:#666">${TICKET_TERMS}</p>`;

  return composeEmail({
    to: order.buyer.email,
    subject: `Your tickets for ${event.name}`,
    body,
    text,
    attachments: confirmationFiles(content),
  });
};
