import { describe, expect, it } from 'vitest';
import { qrContentId } from '../src/domain/confirmation-files.ts';
import { orderConfirmationEmail } from '../src/domain/order-confirmation-template.ts';
import { orderFailedEmail } from '../src/domain/order-failed-template.ts';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';

const orderUrl = 'https://ticket.keeptabs.app/orders/ord_x?token=t0k3n';

describe('order confirmation email', () => {
  it('says what, when in the event’s time zone, where, for whom and what was paid', () => {
    const { order, tickets, event } = paidOrderWithTickets();
    const email = orderConfirmationEmail({ order, tickets, event, orderUrl });
    expect(email.to).toBe(order.buyer.email);
    expect(email.subject).toBe('Your tickets for Winter Lights & <Friends>');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Friday, January 15, 2027 at 8:30 PM GMT+1 (Europe/Paris)');
      expect(part).toContain('120 Boulevard de Rochechouart');
      expect(part).toContain('$222.49');
      expect(part).toContain('$4.50');
      expect(part).toContain('$7.99');
    }
    expect(email.text).toContain(`Your order: ${orderUrl}`);
    expect(email.html).toContain(`href="${orderUrl}"`);
    expect(email.text).toContain('VIP balcony for Bea <Buyer> & Co');
    expect(email.html).toContain('Bea &lt;Buyer&gt; &amp; Co');
    expect(email.html).toContain('Winter Lights &amp; &lt;Friends&gt;');
    expect(email.html).not.toContain('<Buyer>');
  });

  it('shows each ticket’s QR image by cid, and carries a PDF of every ticket and a calendar entry', () => {
    const { order, tickets, event } = paidOrderWithTickets();
    const email = orderConfirmationEmail({ order, tickets, event, orderUrl });
    const images = email.attachments.filter((a) => a.kind === 'qr-png');
    expect(images.map((i) => i.text)).toEqual(tickets.map((t) => t.qr));
    for (const t of tickets) {
      expect(email.html).toContain(`src="cid:${qrContentId(t.ticketId)}"`);
      expect(qrContentId(t.ticketId).length).toBeLessThanOrEqual(78);
      expect(email.text).toContain(t.qr);
    }
    expect(email.html).not.toMatch(/src="data:/);
    const pdf = email.attachments.find((a) => a.kind === 'tickets-pdf');
    expect(pdf?.pages.map((p) => p.ticketId)).toEqual(tickets.map((t) => t.ticketId));
    const calendar = email.attachments.find((a) => a.kind === 'calendar');
    expect(calendar).toMatchObject({
      startsAt: event.startsAt,
      durationMinutes: 180,
      timeZone: 'Europe/Paris',
    });
  });
});

describe('order failed email', () => {
  it('apologizes and states the refund, in the same frame', () => {
    const { order } = paidOrderWithTickets();
    const email = orderFailedEmail(order, { amount: 22249, currency: 'usd' });
    expect(email.to).toBe(order.buyer.email);
    expect(email.text).toContain('refunded $222.49');
    expect(email.html).toContain('$222.49');
    expect(email.html).toContain('Bea &lt;Buyer&gt; &amp; Co');
    expect(email.html).toContain('Replies to this address are not read.');
    expect(email.attachments).toEqual([]);
  });
});
