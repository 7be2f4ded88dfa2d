import { StepErrors } from '@mytabs/contracts';
import type { Hold, HoldLine } from './hold.ts';
import type { ClaimableHoldsPort, InventoryPort } from './ports.ts';

export type ConfirmOutcome = 'claimed' | 'already-claimed' | 'reheld';

/** The hold is gone and too few seats remain: the workflow refunds (its Catch matches the name). */
export class SeatsUnavailableError extends Error {
  override name = StepErrors.seatsUnavailable;
}

/** Two writers raced us more often than a hold can change state: let the workflow retry. */
export class HoldContendedError extends Error {
  override name = StepErrors.transient;
}

export interface PaidOrder {
  orderId: string;
  eventId: string;
  lines: HoldLine[];
}

/** States move forward only (active → confirmed, or → released/refused → confirmed), so few laps. */
const MAX_LAPS = 4;

/**
 * Makes the hold of a paid order `confirmed`, which nothing ever releases behind its back
 * (PaymentCanceled leaves a confirmed hold alone, the sweeper no longer sees it):
 * - an active hold, expired or not, is claimed as it is;
 * - a hold that is gone (released, refused, never written) is confirmed again, and its seats taken
 *   again if they remain. The claim comes first so a PaymentCanceled arriving meanwhile cannot give
 *   the new seats back; the takes after it are idempotent (the `holds.<orderId>` marks), so a retry
 *   after a crash anywhere finishes them and never counts a seat twice.
 * If they do not remain, whatever was taken goes back, the hold is `refused`, and the step fails
 * with SeatsUnavailable. A hold already settled (the order was fulfilled) is left as it is.
 */
export const confirmHold = async (
  order: PaidOrder,
  { holds, inventory, now }: { holds: ClaimableHoldsPort; inventory: InventoryPort; now: Date },
): Promise<ConfirmOutcome> => {
  const { outcome, hold } = await claim(order, holds, now);
  if (hold.settledAt) return outcome;
  for (const line of order.lines) {
    const taken = await inventory.take(
      order.eventId,
      line.ticketTypeId,
      order.orderId,
      line.quantity,
    );
    if (taken === 'insufficient') {
      for (const other of order.lines) {
        await inventory.giveBack(order.eventId, other.ticketTypeId, order.orderId);
      }
      await holds.setState(order.orderId, 'refused');
      throw new SeatsUnavailableError(
        `Order ${order.orderId}: its hold is gone and ${line.ticketTypeId} has fewer than ${line.quantity} seats left`,
      );
    }
  }
  return outcome;
};

const claim = async (
  order: PaidOrder,
  holds: ClaimableHoldsPort,
  now: Date,
): Promise<{ outcome: ConfirmOutcome; hold: Hold }> => {
  for (let lap = 0; lap < MAX_LAPS; lap++) {
    const hold = await holds.find(order.orderId);
    if (!hold) {
      const stored = await holds.create({
        orderId: order.orderId,
        eventId: order.eventId,
        lines: order.lines,
        expiresAt: now.toISOString(),
        state: 'confirmed',
        createdAt: now.toISOString(),
      });
      if (stored.state === 'confirmed') return { outcome: 'reheld', hold: stored };
      continue;
    }
    if (hold.state === 'confirmed') return { outcome: 'already-claimed', hold };
    const outcome = hold.state === 'active' ? 'claimed' : 'reheld';
    const lines = hold.state === 'active' ? undefined : order.lines;
    if (await holds.transition(order.orderId, hold.state, 'confirmed', lines)) {
      return { outcome, hold: { ...hold, state: 'confirmed' } };
    }
  }
  throw new HoldContendedError(`Order ${order.orderId}: its hold kept changing while claimed`);
};
