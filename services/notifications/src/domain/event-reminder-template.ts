import type { OrderBuyer, TicketedEvent } from '@mytabs/contracts';
import { ticketCount } from './confirmation-files.ts';
import { composeEmail, html } from './email-layout.ts';
import { eventWhen, venueLines } from './event-time.ts';

/** The day before: when and where the event is, and where the buyer's tickets are. */
export const eventReminderEmail = (order: OrderBuyer, event: TicketedEvent, orderUrl: string) => {
  const when = eventWhen(event);
  const where = venueLines(event);
  const count = ticketCount(order.tickets);
  const tickets = `Your ${count} (order ${order.orderId}) are in the confirmation email we sent you, with a QR code each and a PDF: show them at the door.`;

  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `${event.name} starts soon.`,
    '',
    `When:  ${when}`,
    `Where: ${where.join(', ')}`,
    '',
    tickets,
    `Your order: ${orderUrl}`,
  ];
  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${event.name} starts soon</h1>
<p style="margin:0 0 16px;color:#444"><strong>${when}</strong><br>${where.map((l, i) => (i ? html`<br>${l}` : html`${l}`))}</p>
<p>Hello ${order.buyer.name}, see you there. ${tickets}</p>
<p><a href="${orderUrl}" style="color:#0a58ca">View your order</a></p>`;

  return composeEmail({
    to: order.buyer.email,
    subject: `Reminder: ${event.name}, ${when}`,
    body,
    text,
  });
};
