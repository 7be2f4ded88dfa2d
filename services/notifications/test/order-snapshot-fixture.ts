import { newId, type OrderSnapshot, type OrderTicket, type TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';

/** A paid order, its tickets and their event as the workflow hands them to the email steps. */
export const paidOrderWithTickets = (buyerEmail?: string) => {
  const orderId = newId('ord');
  const order = {
    orderId,
    status: 'PAID',
    eventId: 'ev_winterlights01',
    businessId: 'biz_bluedoor0001',
    buyer: { name: 'Bea <Buyer> & Co', email: buyerEmail ?? `bea+${orderId}@example.com` },
    attendees: [],
    lines: [
      {
        ticketTypeId: 'tt_general0001',
        name: 'General admission',
        quantity: 2,
        unitPrice: 4500,
        amount: 9000,
      },
      {
        ticketTypeId: 'tt_vipbalcony1',
        name: 'VIP balcony',
        quantity: 1,
        unitPrice: 12000,
        amount: 12000,
      },
    ],
    subtotal: 21000,
    fees: 450,
    tax: 799,
    amount: 22249,
    currency: 'usd',
    paymentIntentId: 'pi_3Test000001',
    tickets: [],
  } as unknown as OrderSnapshot;
  const tickets = [
    ['0_0', 'tt_general0001', 'Ann One'],
    ['0_1', 'tt_general0001', 'Bea <Buyer> & Co'],
    ['1_0', 'tt_vipbalcony1', 'Bea <Buyer> & Co'],
  ].map(([suffix, ticketTypeId, name]) => ({
    ticketId: `tkt_${orderId}_${suffix}`,
    ticketTypeId,
    attendee: { name, email: 'ann@example.com' },
    qr: `mtt1.payload${suffix}.signature${suffix}`,
  })) as unknown as z.output<typeof OrderTicket>[];
  const event: TicketedEvent = {
    eventId: 'ev_winterlights01',
    name: 'Winter Lights & <Friends>',
    // 19:30 UTC is 20:30 in Paris in winter: the email must say 8:30 PM.
    startsAt: '2027-01-15T19:30:00.000Z',
    timeZone: 'Europe/Paris',
    venue: {
      name: 'La Cigale',
      line1: '120 Boulevard de Rochechouart',
      city: 'Paris',
      postalCode: '75018',
      country: 'FR',
    },
  };
  return { order, tickets, event };
};
