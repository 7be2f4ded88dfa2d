import { OrderBuyer } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { eventChangedEmail } from '../src/domain/event-changed-template.ts';
import { eventReminderEmail } from '../src/domain/event-reminder-template.ts';
import { orderRefundedEmail } from '../src/domain/order-refunded-template.ts';
import { announcesRefund } from '../src/domain/refund-notice.ts';
import { reminderWindow } from '../src/domain/reminder-window.ts';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';

const { event } = paidOrderWithTickets();
const order = OrderBuyer.parse({
  orderId: 'ord_0001',
  eventId: event.eventId,
  businessId: 'biz_bluedoor0001',
  buyer: { name: 'Bea <Buyer> & Co', email: 'bea@example.com' },
  status: 'FULFILLED',
  tickets: 3,
  amount: 22249,
  amountRefunded: 0,
  currency: 'usd',
});
const schedule = { startsAt: event.startsAt, timeZone: event.timeZone, venue: event.venue };

describe('a refund’s email', () => {
  it('is not sent for a refund an event cancellation made: its cancellation email says it', () => {
    expect(announcesRefund({ cause: 'event-canceled' })).toBe(false);
    expect(announcesRefund({})).toBe(true);
  });

  it('says a partial refund’s amount, the total so far and that the tickets stay valid', () => {
    const email = orderRefundedEmail({
      order,
      refund: { amount: 700, amountRefunded: 1200, currency: 'usd', status: 'PARTIALLY_REFUNDED' },
    });
    expect(email.subject).toBe('Partial refund of your order ord_0001: $7.00');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('$7.00');
      expect(part).toContain('$12.00 of $222.49 paid refunded so far');
      expect(part).toContain('3 tickets stay valid');
    }
    expect(email.html).toContain('Bea &lt;Buyer&gt; &amp; Co');
  });

  it('says a full refund voids the tickets', () => {
    const email = orderRefundedEmail({
      order,
      refund: { amount: 22249, amountRefunded: 22249, currency: 'usd', status: 'REFUNDED' },
    });
    expect(email.subject).toBe('Your order ord_0001 is refunded: $222.49');
    expect(email.text).toContain('3 tickets are no longer valid');
  });
});

describe('an event change’s email', () => {
  it('gives the new time and venue, each with what it was', () => {
    const email = eventChangedEmail({
      order,
      eventName: event.name,
      changed: ['startsAt', 'venue'],
      before: schedule,
      after: {
        ...schedule,
        startsAt: '2027-01-16T19:30:00Z',
        venue: { ...event.venue, name: 'Olympia', line1: '28 Boulevard des Capucines' },
      },
    });
    expect(email.subject).toBe('Winter Lights & <Friends>: new date and time and venue');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Saturday, January 16, 2027 at 8:30 PM GMT+1 (Europe/Paris)');
      expect(part).toContain('was Friday, January 15, 2027 at 8:30 PM GMT+1');
      expect(part).toContain('28 Boulevard des Capucines');
      expect(part).toContain('was La Cigale');
    }
  });

  it('does not mention the time when only the venue moved', () => {
    const email = eventChangedEmail({
      order,
      eventName: event.name,
      changed: ['venue'],
      before: schedule,
      after: { ...schedule, venue: { ...event.venue, name: 'Olympia' } },
    });
    expect(email.subject).toBe('Winter Lights & <Friends>: new venue');
    expect(email.text).not.toContain('(was Friday');
  });
});

describe('the reminder', () => {
  it('says when and where, in the event’s time zone', () => {
    const orderUrl = 'https://ticket.keeptabs.app/orders/ord_0001?token=t0k3n';
    const email = eventReminderEmail(order, event, orderUrl);
    expect(email.subject).toBe(
      'Reminder: Winter Lights & <Friends>, Friday, January 15, 2027 at 8:30 PM GMT+1 (Europe/Paris)',
    );
    for (const part of [email.text, email.html]) {
      expect(part).toContain('La Cigale');
      expect(part).toContain('3 tickets');
    }
    expect(email.text).toContain(`Your order: ${orderUrl}`);
    expect(email.html).toContain(`href="${orderUrl}"`);
  });

  it('covers the events that start within the next day, in the index’s spelling of instants', () => {
    expect(reminderWindow(new Date('2026-12-02T10:15:00.250Z'))).toEqual({
      from: '2026-12-02T10:15:00Z',
      to: '2026-12-03T10:15:00Z',
    });
  });
});
