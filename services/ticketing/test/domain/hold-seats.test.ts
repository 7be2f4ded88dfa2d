import type { CartItem } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { holdSeats } from '../../src/domain/hold-seats.ts';
import { releaseUnpaidHold } from '../../src/domain/release-unpaid-hold.ts';
import { duringSales, event, ticketType } from './fixtures.ts';
import { inMemoryPorts } from './in-memory-ports.ts';

const cart = (general: number, vip = 0) =>
  [
    { ticketTypeId: 'tt_general', quantity: general },
    ...(vip ? [{ ticketTypeId: 'tt_vip', quantity: vip }] : []),
  ] as CartItem[];

const setup = (generalLeft = 10, vipLeft = 10) => {
  const types = [
    ticketType({ available: generalLeft }),
    ticketType({ ticketTypeId: 'tt_vip', name: 'VIP', available: vipLeft }),
  ];
  const ports = inMemoryPorts(event, types);
  const hold = (orderId: string, items: CartItem[]) =>
    holdSeats({ orderId, eventId: event.eventId, items }, { ...ports, now: duringSales });
  const left = (id: string) => types.find((t) => t.ticketTypeId === id)?.available;
  return { ports, hold, left };
};

describe('holding seats', () => {
  it('takes the seats and says when the hold expires (15 minutes by default)', async () => {
    const { hold, left } = setup();
    const result = await hold('ord_aaaa', cart(2, 1));
    expect(result).toMatchObject({ ok: true, holdExpiresAt: '2026-12-01T12:15:00.000Z' });
    expect([left('tt_general'), left('tt_vip')]).toEqual([8, 9]);
  });

  it('counts a retried hold of the same order once', async () => {
    const { hold, left } = setup();
    await hold('ord_aaaa', cart(2));
    expect(await hold('ord_aaaa', cart(2))).toMatchObject({ ok: true });
    expect(left('tt_general')).toBe(8);
  });

  it('holds all lines or none: a sold-out line gives back the others', async () => {
    const { hold, left, ports } = setup(10, 0);
    expect(await hold('ord_aaaa', cart(2, 1))).toMatchObject({
      ok: false,
      refusal: { code: 'sold-out', ticketTypeId: 'tt_vip' },
    });
    expect([left('tt_general'), left('tt_vip')]).toEqual([10, 0]);
    expect(ports.holdRecords.get('ord_aaaa')?.state).toBe('refused');
    expect(await hold('ord_aaaa', cart(2, 1))).toMatchObject({ ok: false });
    expect(left('tt_general')).toBe(10);
  });

  it('never sells more seats than there are', async () => {
    const { hold, left } = setup(10);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hold(`ord_buyer${i}`, cart(1))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(left('tt_general')).toBe(0);
  });
});

describe('releasing a hold', () => {
  it('returns the seats once, however often it is asked', async () => {
    const { hold, left, ports } = setup();
    await hold('ord_aaaa', cart(3));
    expect(await releaseUnpaidHold('ord_aaaa', ports)).toBe('released');
    expect(await releaseUnpaidHold('ord_aaaa', ports)).toBe('released');
    expect(left('tt_general')).toBe(10);
  });

  it('loses a race to ConfirmHold cleanly: confirmed after it looked, nothing is given back', async () => {
    const { hold, left, ports } = setup();
    await hold('ord_aaaa', cart(3));
    const stale = structuredClone(await ports.holds.find('ord_aaaa'));
    await ports.holds.setState('ord_aaaa', 'confirmed');
    const racing = { ...ports, holds: { ...ports.holds, find: async () => stale } };
    expect(await releaseUnpaidHold('ord_aaaa', racing)).toBe('already-confirmed');
    expect(left('tt_general')).toBe(7);
  });

  it('leaves a confirmed (paid) hold alone', async () => {
    const { hold, left, ports } = setup();
    await hold('ord_aaaa', cart(3));
    await ports.holds.setState('ord_aaaa', 'confirmed');
    expect(await releaseUnpaidHold('ord_aaaa', ports)).toBe('already-confirmed');
    expect(left('tt_general')).toBe(7);
  });
});
