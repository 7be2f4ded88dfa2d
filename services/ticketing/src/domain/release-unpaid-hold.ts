import type { ClaimableHoldsPort, InventoryPort } from './ports.ts';

/**
 * Puts an order's seats back on sale. Only ticketing's consumer of PaymentCanceled calls it, so a
 * paid order's seats are never released behind its back. The hold leaves `active` first, by a
 * conditional write, so a ConfirmHold racing it either wins (nothing is released) or finds the
 * hold released and re-holds; every give-back is conditional on this order still holding those
 * seats, so a second delivery (or a retry after a crash) returns nothing twice.
 */
export const releaseUnpaidHold = async (
  orderId: string,
  { holds, inventory }: { holds: ClaimableHoldsPort; inventory: InventoryPort },
): Promise<'released' | 'nothing-held' | 'already-confirmed'> => {
  const hold = await holds.find(orderId);
  if (!hold) return 'nothing-held';
  if (hold.state === 'confirmed') return 'already-confirmed';
  if (hold.state === 'active' && !(await holds.transition(orderId, 'active', 'released'))) {
    return 'already-confirmed';
  }
  for (const line of hold.lines) {
    await inventory.giveBack(hold.eventId, line.ticketTypeId, orderId);
  }
  return 'released';
};
