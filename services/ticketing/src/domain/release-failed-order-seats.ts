import type { Hold } from './hold.ts';
import type { HoldsPort, InventoryPort } from './ports.ts';

/**
 * The failure path's give-back: whatever the order still holds goes back on sale, confirmed or
 * not (the order is being refunded), each seat exactly once because every give-back is
 * conditional on the order's `holds.<orderId>` mark. A settled hold belongs to a fulfilled order
 * and is never released here.
 */
export const releaseFailedOrderSeats = async (
  orderId: string,
  { holds, inventory }: { holds: HoldsPort; inventory: InventoryPort },
): Promise<{ outcome: 'released' | 'nothing-held'; hold?: Hold }> => {
  const hold = await holds.find(orderId);
  if (!hold || hold.settledAt) return { outcome: 'nothing-held' };
  let returned = false;
  for (const line of hold.lines) {
    if ((await inventory.giveBack(hold.eventId, line.ticketTypeId, orderId)) === 'returned') {
      returned = true;
    }
  }
  if (hold.state === 'active' || hold.state === 'confirmed') {
    await holds.setState(orderId, 'released');
  }
  return { outcome: returned ? 'released' : 'nothing-held', hold };
};
