import type { OrderStatus } from '@mytabs/contracts';
import { Order } from '../../src/domain/order.ts';

export const NOW = new Date('2026-12-01T12:00:00.000Z');

/** A stored order of two general tickets, in `status`, as createOrder would have written it. */
export const anOrder = (status: OrderStatus = 'PENDING_PAYMENT', changes: Partial<Order> = {}) =>
  Order.parse({
    orderId: 'ord_0001',
    status,
    eventId: 'ev_0001',
    businessId: 'biz_0001',
    buyer: { email: 'Ana@Example.com', name: 'Ana Diaz' },
    attendees: [],
    lines: [
      { ticketTypeId: 'tt_0001', name: 'General', quantity: 2, unitPrice: 2500, amount: 5000 },
    ],
    subtotal: 5000,
    fees: 200,
    tax: 444,
    amount: 5644,
    currency: 'usd',
    paymentIntentId: 'pi_0001',
    holdExpiresAt: '2026-12-01T12:15:00.000Z',
    createdAt: '2026-12-01T11:59:00.000Z',
    updatedAt: '2026-12-01T11:59:00.000Z',
    version: 1,
    tickets: [],
    amountRefunded: 0,
    ...changes,
  });

export const aTicket = (n: number) => ({
  ticketId: `tkt_ord_0001_0_${n}`,
  ticketTypeId: 'tt_0001',
  attendee: { name: 'Ana Diaz', email: 'ana@example.com' },
  qr: `qr-${n}`,
});
