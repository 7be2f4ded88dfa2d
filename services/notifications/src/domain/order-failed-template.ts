import type { OrderSnapshot } from '@mytabs/contracts';
import type { EmailMessage } from './email-message.ts';
import { escapeHtml } from './html.ts';
import { formatMoney } from './money-format.ts';

/** The apology: the order could not be fulfilled, and what was refunded. */
export const orderFailedEmail = (
  order: OrderSnapshot,
  refund: { amount: number; currency: string },
): EmailMessage => {
  const refunded = formatMoney(refund.amount, refund.currency);
  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `We are sorry: we could not issue the tickets of your order ${order.orderId}.`,
    `We have refunded ${refunded} to your card; it can take 5 to 10 days to appear on your statement.`,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(order.buyer.name)},</p>
<p>We are sorry: we could not issue the tickets of your order <strong>${escapeHtml(order.orderId)}</strong>.</p>
<p>We have refunded <strong>${escapeHtml(refunded)}</strong> to your card; it can take 5 to 10 days to appear on your statement.</p>
</body></html>`;
  return {
    to: order.buyer.email,
    subject: `Your order ${order.orderId} could not be completed: refunded`,
    text,
    html,
  };
};
