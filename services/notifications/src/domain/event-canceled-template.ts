import type { OrderSnapshot, TicketedEvent } from '@mytabs/contracts';
import { composeEmail, html } from './email-layout.ts';
import { eventWhen } from './event-time.ts';
import { formatMoney } from './money-format.ts';

/**
 * The event is canceled, why, and what was refunded: the one email a buyer of a paid order gets
 * about it (the refund it made is announced here and nowhere else).
 */
export const eventCanceledEmail = (
  order: OrderSnapshot,
  event: TicketedEvent,
  reason: string,
  refund: { amount: number; currency: string },
) => {
  const refunded = formatMoney(refund.amount, refund.currency);
  const when = eventWhen(event);
  const delay = 'it can take 5 to 10 days to appear on your statement.';
  return composeEmail({
    to: order.buyer.email,
    subject: `Canceled: ${event.name}. Your order ${order.orderId} is refunded`,
    text: [
      `Hello ${order.buyer.name},`,
      '',
      `We are sorry: ${event.name} on ${when} at ${event.venue.name} is canceled.`,
      `The organizer says: ${reason}`,
      '',
      `We have refunded ${refunded} of your order ${order.orderId} to your card; ${delay}`,
      'Your tickets no longer admit anyone.',
    ],
    body: html`<p>Hello ${order.buyer.name},</p>
<p>We are sorry: <strong>${event.name}</strong> on ${when} at ${event.venue.name} is canceled.</p>
<p>The organizer says: <em>${reason}</em></p>
<p>We have refunded <strong>${refunded}</strong> of your order <strong>${order.orderId}</strong> to your card; ${delay}</p>
<p>Your tickets no longer admit anyone.</p>`,
  });
};
