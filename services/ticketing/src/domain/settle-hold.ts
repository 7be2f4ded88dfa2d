import type { ClaimableHoldsPort, SettlingInventoryPort } from './ports.ts';

/**
 * Once an order is FULFILLED its seats are sold for good and no path can give them back, so the
 * `holds.<orderId>` marks that guarded its takes and give-backs are removed (without changing
 * `available`): a ticket type item then only carries the marks of orders still in flight, far
 * from DynamoDB's 400 KB item limit. The hold record is marked settled first, so a late retry of
 * ConfirmHold never takes the seats again once their marks are gone.
 */
export const settleHold = async (
  orderId: string,
  {
    holds,
    inventory,
    now,
  }: { holds: ClaimableHoldsPort; inventory: SettlingInventoryPort; now: Date },
): Promise<'settled' | 'not-confirmed'> => {
  const hold = await holds.find(orderId);
  if (hold?.state !== 'confirmed') return 'not-confirmed';
  if (!hold.settledAt) await holds.markSettled(orderId, now.toISOString());
  for (const line of hold.lines) {
    await inventory.settle(hold.eventId, line.ticketTypeId, orderId);
  }
  return 'settled';
};
