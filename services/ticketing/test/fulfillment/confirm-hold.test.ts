import { describe, expect, it } from 'vitest';
import { confirmHold } from '../../src/domain/confirm-hold.ts';
import type { HoldState } from '../../src/domain/hold.ts';
import type { ClaimableHoldsPort } from '../../src/domain/ports.ts';
import { releaseFailedOrderSeats } from '../../src/domain/release-failed-order-seats.ts';
import { duringSales, event, ticketType } from '../domain/fixtures.ts';
import { inMemoryPorts } from '../domain/in-memory-ports.ts';

/** The domain's in-memory ports, with the conditional hold transitions fulfillment needs. */
const ports = (available: number) => {
  const types = [ticketType({ available, capacity: available })];
  const base = inMemoryPorts(event, types);
  const holds: ClaimableHoldsPort = {
    ...base.holds,
    transition: async (orderId, from: HoldState, to: HoldState, lines) => {
      const hold = base.holdRecords.get(orderId);
      if (hold?.state !== from) return false;
      hold.state = to;
      if (lines) hold.lines = lines;
      return true;
    },
    markSettled: async (orderId, at) => {
      const hold = base.holdRecords.get(orderId);
      if (hold) hold.settledAt ??= at;
    },
  };
  return { holds, inventory: base.inventory, records: base.holdRecords, type: types[0] };
};

const order = (orderId: string, quantity: number) => ({
  orderId,
  eventId: event.eventId,
  lines: [{ ticketTypeId: 'tt_general', quantity }],
});

describe('confirmHold', () => {
  it('finishes the takes of a re-hold that crashed after its claim, counting each seat once', async () => {
    const { holds, inventory, records, type } = ports(5);
    // A crash right after the claim: the record says confirmed, no seat was taken yet.
    await holds.create({
      orderId: 'ord_crashed',
      eventId: event.eventId,
      lines: [{ ticketTypeId: 'tt_general', quantity: 2 }],
      expiresAt: duringSales.toISOString(),
      state: 'confirmed',
      createdAt: duringSales.toISOString(),
    });
    const deps = { holds, inventory, now: duringSales };
    expect(await confirmHold(order('ord_crashed', 2), deps)).toBe('already-claimed');
    expect(await confirmHold(order('ord_crashed', 2), deps)).toBe('already-claimed');
    expect(type?.available).toBe(3);
    expect(records.get('ord_crashed')?.state).toBe('confirmed');
  });

  it('refuses when too few seats remain, gives back what it took, and the refusal is stable', async () => {
    const { holds, inventory, records, type } = ports(1);
    const deps = { holds, inventory, now: duringSales };
    await expect(confirmHold(order('ord_late', 2), deps)).rejects.toMatchObject({
      name: 'SeatsUnavailable',
    });
    expect(type?.available).toBe(1);
    expect(records.get('ord_late')?.state).toBe('refused');
    expect(await releaseFailedOrderSeats('ord_late', { holds, inventory })).toMatchObject({
      outcome: 'nothing-held',
    });
    expect(type?.available).toBe(1);
  });

  it('never takes again the seats of a settled order', async () => {
    const { holds, inventory, type } = ports(5);
    const deps = { holds, inventory, now: duringSales };
    expect(await confirmHold(order('ord_done', 2), deps)).toBe('reheld');
    await holds.markSettled('ord_done', duringSales.toISOString());
    await inventory.giveBack(event.eventId, 'tt_general', 'ord_done');
    if (type) type.available -= 2; // what settling does: the mark goes, the count stays.
    expect(await confirmHold(order('ord_done', 2), deps)).toBe('already-claimed');
    expect(type?.available).toBe(3);
    expect(await releaseFailedOrderSeats('ord_done', { holds, inventory })).toEqual({
      outcome: 'nothing-held',
    });
  });
});
