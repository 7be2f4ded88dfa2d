import type { HoldsPort, InventoryPort } from './ports.ts';

/**
 * Puts an order's seats back on sale. Only ticketing's consumer of PaymentCanceled calls it, so a
 * paid order's seats are never released behind its back. Every give-back is conditional on this
 * order still holding those seats: a second delivery returns nothing twice.
 */
export const releaseHold = async (
  orderId: string,
  { holds, inventory }: { holds: HoldsPort; inventory: InventoryPort },
): Promise<'released' | 'nothing-held' | 'already-confirmed'> => {
  const hold = await holds.find(orderId);
  if (!hold) return 'nothing-held';
  if (hold.state === 'confirmed') return 'already-confirmed';
  for (const line of hold.lines) {
    await inventory.giveBack(hold.eventId, line.ticketTypeId, orderId);
  }
  if (hold.state !== 'refused') await holds.setState(orderId, 'released');
  return 'released';
};
