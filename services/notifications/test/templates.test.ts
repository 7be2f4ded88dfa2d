import { describe, expect, it } from 'vitest';
import { orderConfirmationEmail } from '../src/domain/order-confirmation-template.ts';
import { orderFailedEmail } from '../src/domain/order-failed-template.ts';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';

describe('order confirmation email', () => {
  it('goes to the buyer and names every ticket and its code, in text and in escaped HTML', () => {
    const { order, tickets } = paidOrderWithTickets();
    const email = orderConfirmationEmail(order, tickets);
    expect(email.to).toBe(order.buyer.email);
    expect(email.subject).toContain(order.orderId);
    for (const t of tickets) {
      expect(email.text).toContain(t.ticketId);
      expect(email.text).toContain(t.qr);
      expect(email.html).toContain(t.ticketId);
      expect(email.html).toContain(t.qr);
    }
    expect(email.text).toContain('$222.49');
    expect(email.text).toContain('VIP balcony for Bea <Buyer> & Co');
    expect(email.html).toContain('Bea &lt;Buyer&gt; &amp; Co');
    expect(email.html).not.toContain('<Buyer>');
  });
});

describe('order failed email', () => {
  it('apologizes and states the refund', () => {
    const { order } = paidOrderWithTickets();
    const email = orderFailedEmail(order, { amount: 22249, currency: 'usd' });
    expect(email.to).toBe(order.buyer.email);
    expect(email.text).toContain('refunded $222.49');
    expect(email.html).toContain('$222.49');
    expect(email.html).toContain('Bea &lt;Buyer&gt; &amp; Co');
  });
});
