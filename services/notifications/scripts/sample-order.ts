import { generateKeyPairSync, sign } from 'node:crypto';
import { OrderSnapshot, type OrderTicket, type TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';

/**
 * An order of `count` tickets of one event, as the workflow hands it to notifications, for the
 * size scripts: ticket codes are of the real length (`mtt1.<claims>.<Ed25519 signature>`), signed
 * with a throwaway key.
 */
export const sampleOrder = (count: number) => {
  const orderId = `ord_${'5f0c'.repeat(8)}`;
  const { privateKey } = generateKeyPairSync('ed25519');
  const code = (ticketId: string) => {
    const claims = Buffer.from(
      JSON.stringify({ t: ticketId, y: 'tt_general0001', o: orderId, e: 'ev_winterlights01' }),
    ).toString('base64url');
    const signed = `mtt1.${claims}`;
    return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
  };
  const order = OrderSnapshot.parse({
    orderId,
    eventId: 'ev_winterlights01',
    businessId: 'biz_bluedoor0001',
    buyer: { name: 'Bea Buyer', email: 'bea@example.com' },
    attendees: [],
    lines: [
      {
        ticketTypeId: 'tt_general0001',
        name: 'General admission',
        quantity: count,
        unitPrice: 4500,
        amount: 4500 * count,
      },
    ],
    subtotal: 4500 * count,
    fees: 150 * count,
    tax: 399 * count,
    amount: 5049 * count,
    currency: 'usd',
    paymentIntentId: 'pi_3Test000001',
    status: 'PAID',
    tickets: [],
  });
  const tickets: z.output<typeof OrderTicket>[] = Array.from({ length: count }, (_, n) => {
    const ticketId = `tkt_${orderId}_0_${n}`;
    return {
      ticketId,
      ticketTypeId: 'tt_general0001',
      attendee: { name: `Attendee number ${n + 1}`, email: 'bea@example.com' },
      qr: code(ticketId),
    };
  });
  const event: TicketedEvent = {
    eventId: 'ev_winterlights01',
    name: 'Winter Lights',
    startsAt: '2027-01-15T19:30:00Z',
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
