import type { OrderSnapshot, OrderTicket } from '@mytabs/contracts';
import type * as z from 'zod';
import type { EmailMessage } from './email-message.ts';
import { escapeHtml } from './html.ts';
import { formatMoney } from './money-format.ts';

type Ticket = z.output<typeof OrderTicket>;

/**
 * The order confirmation: to the buyer, every ticket with who it is for and its code. The code is
 * the signed text the door scans; it is printed as is (no QR image library is installed), so any
 * QR app or the organizer's scanner can turn it into a code or read it back.
 */
export const orderConfirmationEmail = (
  order: OrderSnapshot,
  tickets: readonly Ticket[],
): EmailMessage => {
  const typeName = (ticketTypeId: string) =>
    order.lines.find((l) => l.ticketTypeId === ticketTypeId)?.name ?? 'Ticket';
  const total = formatMoney(order.amount, order.currency);
  const count = `${tickets.length} ticket${tickets.length === 1 ? '' : 's'}`;

  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `Thank you for your order ${order.orderId}: ${count}, ${total} paid.`,
    '',
    ...tickets.flatMap((t, i) => [
      `Ticket ${i + 1}: ${typeName(t.ticketTypeId)} for ${t.attendee.name}`,
      `  Ticket id: ${t.ticketId}`,
      `  Code to show at the door: ${t.qr}`,
      '',
    ]),
    'Show each code at the door; every ticket gets in once.',
  ].join('\n');

  const html = `<!doctype html>
<html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(order.buyer.name)},</p>
<p>Thank you for your order <strong>${escapeHtml(order.orderId)}</strong>: ${count}, ${escapeHtml(total)} paid.</p>
<table cellpadding="6" style="border-collapse:collapse">
<tr><th align="left">Ticket</th><th align="left">For</th><th align="left">Code to show at the door</th></tr>
${tickets
  .map(
    (t) =>
      `<tr><td>${escapeHtml(typeName(t.ticketTypeId))}<br><small>${escapeHtml(t.ticketId)}</small></td>` +
      `<td>${escapeHtml(t.attendee.name)}</td>` +
      `<td><code style="word-break:break-all">${escapeHtml(t.qr)}</code></td></tr>`,
  )
  .join('\n')}
</table>
<p>Show each code at the door; every ticket gets in once.</p>
</body></html>`;

  return { to: order.buyer.email, subject: `Your tickets, order ${order.orderId}`, text, html };
};
