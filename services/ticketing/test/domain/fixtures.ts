import type { TicketType } from '@mytabs/contracts';
import type { PriceableEvent } from '../../src/domain/price-cart.ts';

export const event: PriceableEvent = {
  eventId: 'ev_jazznight',
  businessId: 'biz_bluenote',
  taxLocationId: 'taxloc_venue1',
  serviceFeePerTicket: 150,
  status: 'published',
  startsAt: '2026-12-31T20:00:00Z',
  salesStartAt: '2026-11-01T00:00:00Z',
};

export const ticketType = (overrides: Partial<TicketType> = {}) =>
  ({
    ticketTypeId: 'tt_general',
    eventId: 'ev_jazznight',
    name: 'General admission',
    price: 2500,
    currency: 'usd',
    taxBehavior: 'exclusive',
    taxCode: 'txcd_50010001',
    capacity: 100,
    perOrderLimit: 6,
    available: 100,
    ...overrides,
  }) as TicketType;

export const duringSales = new Date('2026-12-01T12:00:00Z');
