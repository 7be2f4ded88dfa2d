import type { OrderBuyer } from '@mytabs/contracts';
import { ticketCount } from './confirmation-files.ts';
import { composeEmail, html } from './email-layout.ts';
import { formatMoney } from './money-format.ts';

export interface RefundContent {
  order: OrderBuyer;
  refund: {
    amount: number;
    amountRefunded: number;
    currency: string;
    status: 'REFUNDED' | 'PARTIALLY_REFUNDED';
  };
}

const DELAY = 'It can take 5 to 10 days to appear on your statement.';

/**
 * A refund of an order, whole or in part: its amount, what it covers (the whole order, whose
 * tickets are no longer valid, or part of it, whose tickets stay valid) and the total so far.
 */
export const orderRefundedEmail = ({ order, refund }: RefundContent) => {
  const money = (minor: number) => formatMoney(minor, refund.currency);
  const amount = money(refund.amount);
  const count = ticketCount(order.tickets);
  const whole = refund.status === 'REFUNDED';
  const covers = whole
    ? `This refunds your order ${order.orderId} in full: ${money(refund.amountRefunded)} of ${money(order.amount)} paid. Its ${count} are no longer valid.`
    : `This is a partial refund of your order ${order.orderId}: ${money(refund.amountRefunded)} of ${money(order.amount)} paid refunded so far. Your ${count} stay valid.`;

  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `We have refunded ${amount} to your card.`,
    covers,
    DELAY,
  ];
  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${amount} refunded</h1>
<p>Hello ${order.buyer.name}, we have refunded <strong>${amount}</strong> to your card.</p>
<p>${covers}</p>
<p style="font-size:12px;color:#666">${DELAY}</p>`;

  return composeEmail({
    to: order.buyer.email,
    subject: whole
      ? `Your order ${order.orderId} is refunded: ${amount}`
      : `Partial refund of your order ${order.orderId}: ${amount}`,
    body,
    text,
  });
};
