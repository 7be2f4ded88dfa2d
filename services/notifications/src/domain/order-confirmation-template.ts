import type { OrderSnapshot, OrderTicket, TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';
import { composeEmail, html } from './email-layout.ts';
import type { AttachmentSpec } from './email-message.ts';
import { DEFAULT_EVENT_MINUTES, eventWhen, venueLines } from './event-time.ts';
import { formatMoney } from './money-format.ts';

type Ticket = z.output<typeof OrderTicket>;

export interface ConfirmationContent {
  order: OrderSnapshot;
  tickets: readonly Ticket[];
  event: TicketedEvent;
  /** The buyer's order page, the order token in it: no account needed to see the order. */
  orderUrl: string;
}

const TERMS =
  'Each ticket admits one person once: its code is checked at the door and refused a second time. ' +
  'Keep it private; whoever shows it first gets in. Refunds follow the organizer’s policy.';

/** The Content-ID of a ticket's QR image (SES allows 78 characters; a ticket id is 44). */
export const qrContentId = (ticketId: string) => `qr-${ticketId}`;

/**
 * The order confirmation, to the buyer: the event (its local time in its own time zone, the
 * venue), every ticket with its type, attendee and a QR image the door scans, what was paid, a
 * link to the order, one PDF with a page per ticket and a calendar entry.
 */
export const orderConfirmationEmail = ({
  order,
  tickets,
  event,
  orderUrl,
}: ConfirmationContent) => {
  const typeName = (ticketTypeId: string) =>
    order.lines.find((l) => l.ticketTypeId === ticketTypeId)?.name ?? 'Ticket';
  const money = (minor: number) => formatMoney(minor, order.currency);
  const when = eventWhen(event);
  const where = venueLines(event);
  const count = `${tickets.length} ticket${tickets.length === 1 ? '' : 's'}`;
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
      '',
    ]),
    ...payment.map(([label, amount]) => `${label}: ${amount}`),
    '',
    `Your order: ${orderUrl}`,
    '',
    TERMS,
  ];

  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${event.name}</h1>
<p style="margin:0 0 16px;color:#444"><strong>${when}</strong><br>${where.map((l, i) => (i ? html`<br>${l}` : html`${l}`))}</p>
<p>Hello ${order.buyer.name}, here are your ${count} (order <strong>${order.orderId}</strong>). Show each code at the door; the attached PDF holds them too.</p>
${tickets.map(
  (
    t,
  ) => html`<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border:1px solid #ddd;border-radius:6px;margin:12px 0"><tr>
<td style="padding:12px;vertical-align:top"><strong>${typeName(t.ticketTypeId)}</strong><br>${t.attendee.name}<br><small style="color:#666">${t.ticketId}</small></td>
<td style="padding:12px;width:180px"><img src="cid:${qrContentId(t.ticketId)}" width="180" height="180" alt="QR code of ticket ${t.ticketId}" style="display:block"></td>
</tr></table>`,
)}
<table role="presentation" cellpadding="4" style="border-collapse:collapse;margin:16px 0">
${payment.map(([label, amount], i) => html`<tr${i === payment.length - 1 ? html` style="font-weight:bold"` : ''}><td>${label}</td><td align="right">${amount}</td></tr>`)}
</table>
<p><a href="${orderUrl}" style="color:#0a58ca">View your order</a></p>
<p style="font-size:12px;color:#666">${TERMS}</p>`;

  const attachments: AttachmentSpec[] = [
    ...tickets.map(
      (t): AttachmentSpec => ({
        kind: 'qr-png',
        fileName: `${t.ticketId}.png`,
        contentId: qrContentId(t.ticketId),
        text: t.qr,
      }),
    ),
    {
      kind: 'tickets-pdf',
      fileName: `tickets-${order.orderId}.pdf`,
      title: `${event.name}: tickets of order ${order.orderId}`,
      pages: tickets.map((t) => ({
        eventName: event.name,
        details: [when, ...where],
        ticketType: typeName(t.ticketTypeId),
        attendee: t.attendee.name,
        ticketId: t.ticketId,
        qr: t.qr,
        terms: TERMS,
      })),
    },
    {
      kind: 'calendar',
      fileName: 'event.ics',
      uid: `${order.orderId}@keeptabs.app`,
      title: event.name,
      startsAt: event.startsAt,
      ...(event.endsAt ? { endsAt: event.endsAt } : { durationMinutes: DEFAULT_EVENT_MINUTES }),
      timeZone: event.timeZone,
      location: where.join(', '),
      description: `${count}, order ${order.orderId}. Your order: ${orderUrl}`,
      url: orderUrl,
    },
  ];

  return composeEmail({
    to: order.buyer.email,
    subject: `Your tickets for ${event.name}`,
    body,
    text,
    attachments,
  });
};
