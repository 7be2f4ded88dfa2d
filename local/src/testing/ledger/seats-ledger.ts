import type { Item, LedgerBreak } from './ledger.ts';

interface HoldLine {
  ticketTypeId: string;
  quantity: number;
}

/** Holds that keep seats off sale: not yet paid (`active`) or paid for good (`confirmed`). */
const TAKING = new Set(['active', 'confirmed']);

const seatsOf = (hold: Item, ticketTypeId: string) =>
  (hold.lines as HoldLine[])
    .filter((line) => line.ticketTypeId === ticketTypeId)
    .reduce((sum, line) => sum + line.quantity, 0);

/**
 * Seats, per ticket type of ticketing's table: `capacity − available` (the seats taken) equals
 * the seats of the lines of its event's holds that are `active` or `confirmed` (released and
 * refused holds gave theirs back; a refund or a dispute gives none back, so a confirmed hold
 * stays counted for good), and `0 ≤ available ≤ capacity`. The `holds.<orderId>` marks that
 * guard each take are exactly those of the holds still taking and not yet settled, each with
 * that hold's seats of the type.
 */
export const seatsLedger = (ticketing: readonly Item[]): LedgerBreak[] => {
  const breaks: LedgerBreak[] = [];
  const holds = ticketing.filter((item) => item.type === 'hold');
  for (const type of ticketing.filter((item) => item.type === 'ticketType')) {
    const ticketTypeId = type.ticketTypeId as string;
    const capacity = type.capacity as number;
    const available = type.available as number;
    const subject = `ticket type ${ticketTypeId} (event ${type.eventId})`;
    const taking = holds.filter(
      (hold) => hold.eventId === type.eventId && TAKING.has(hold.state as string),
    );
    const held = taking.reduce((sum, hold) => sum + seatsOf(hold, ticketTypeId), 0);
    if (capacity - available !== held) {
      breaks.push({
        invariant: 'seats',
        subject,
        detail: `${capacity - available} seats taken (capacity ${capacity}, available ${available}) but active and confirmed holds have ${held}`,
      });
    }
    if (available < 0 || available > capacity) {
      breaks.push({
        invariant: 'seats',
        subject,
        detail: `available ${available} is outside 0..${capacity}`,
      });
    }
    const marks = (type.holds ?? {}) as Record<string, number>;
    const expected = new Map(
      taking
        .filter((hold) => !hold.settledAt && seatsOf(hold, ticketTypeId) > 0)
        .map((hold) => [hold.orderId as string, seatsOf(hold, ticketTypeId)]),
    );
    for (const orderId of new Set([...Object.keys(marks), ...expected.keys()])) {
      if (marks[orderId] !== expected.get(orderId)) {
        breaks.push({
          invariant: 'seats',
          subject,
          detail: `order ${orderId} is marked holding ${marks[orderId] ?? 0} seats, its hold says ${expected.get(orderId) ?? 0}`,
        });
      }
    }
  }
  return breaks;
};
