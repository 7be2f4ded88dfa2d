import type { OrderSnapshot } from '@mytabs/contracts';
import { composeEmail, html } from './email-layout.ts';
import { formatMoney } from './money-format.ts';

/** The apology: the order could not be fulfilled, and what was refunded. */
export const orderFailedEmail = (
  order: OrderSnapshot,
  refund: { amount: number; currency: string },
) => {
  const refunded = formatMoney(refund.amount, refund.currency);
  const delay = 'it can take 5 to 10 days to appear on your statement.';
  return composeEmail({
    to: order.buyer.email,
    subject: `Your order ${order.orderId} could not be completed: refunded`,
    text: [
      `Hello ${order.buyer.name},`,
      '',
      `We are sorry: we could not issue the tickets of your order ${order.orderId}.`,
      `We have refunded ${refunded} to your card; ${delay}`,
    ],
    body: html`<p>Hello ${order.buyer.name},</p>
<p>We are sorry: we could not issue the tickets of your order <strong>${order.orderId}</strong>.</p>
<p>We have refunded <strong>${refunded}</strong> to your card; ${delay}</p>`,
  });
};
