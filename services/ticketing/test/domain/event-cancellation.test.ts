import { describe, expect, it } from 'vitest';
import { decideCancellation, shouldAnnounce } from '../../src/domain/event-cancellation.ts';
import type { EventRecord } from '../../src/domain/event-record.ts';
import { priceCart } from '../../src/domain/price-cart.ts';
import { duringSales, event, ticketType } from './fixtures.ts';

const record = (changes: Partial<EventRecord> = {}) =>
  ({ ...event, status: 'published', ...changes }) as EventRecord;
const request = { reason: 'Rain', by: 'usr_dana' };

describe("an event's cancellation", () => {
  it('cancels a published event once, and a repeat finds the first one as it was', () => {
    const first = decideCancellation(record(), request, duringSales);
    expect(first).toMatchObject({
      outcome: 'cancel',
      cancellation: { reason: 'Rain', canceledBy: 'usr_dana', ordersDone: 0 },
    });
    if (first.outcome !== 'cancel') throw new Error('expected a cancel');
    const canceled = record({ status: 'CANCELED', cancellation: first.cancellation });
    const again = decideCancellation(canceled, { reason: 'Snow', by: 'usr_other' }, new Date());
    expect(again).toEqual({ outcome: 'already-canceled', cancellation: first.cancellation });
  });

  it('refuses a draft', () => {
    expect(decideCancellation(record({ status: 'draft' }), request, duringSales)).toEqual({
      outcome: 'refused',
      status: 'draft',
    });
  });

  it('announces again only while the workflow has not reported', () => {
    const cancellation = { reason: 'Rain', canceledAt: '', canceledBy: 'u', ordersDone: 0 };
    expect(shouldAnnounce({ outcome: 'cancel', cancellation })).toBe(true);
    expect(shouldAnnounce({ outcome: 'already-canceled', cancellation })).toBe(true);
    expect(
      shouldAnnounce({
        outcome: 'already-canceled',
        cancellation: { ...cancellation, ordersTotal: 3 },
      }),
    ).toBe(false);
  });

  it('stops sales: a cart of a canceled event is refused with event-canceled', () => {
    const priced = priceCart(
      { ...event, status: 'CANCELED' },
      [ticketType()],
      [{ ticketTypeId: 'tt_general', quantity: 1 }],
      duringSales,
    );
    expect(priced).toMatchObject({ ok: false, refusal: { code: 'event-canceled' } });
  });
});
