import type { TicketType } from '@mytabs/contracts';
import type { Hold } from '../../src/domain/hold.ts';
import type { CatalogPort, ClaimableHoldsPort, InventoryPort } from '../../src/domain/ports.ts';
import type { PriceableEvent } from '../../src/domain/price-cart.ts';

/** Ports over plain objects, for unit tests of the domain's decisions only. */
export const inMemoryPorts = (event: PriceableEvent, ticketTypes: TicketType[]) => {
  const holdsByType = new Map<string, Map<string, number>>();
  const holdRecords = new Map<string, Hold>();
  const catalog: CatalogPort = {
    findEvent: async (id) =>
      id === event.eventId ? { event, ticketTypes: ticketTypes.map((t) => ({ ...t })) } : undefined,
  };
  const inventory: InventoryPort = {
    take: async (_e, ticketTypeId, orderId, quantity) => {
      const type = ticketTypes.find((t) => t.ticketTypeId === ticketTypeId);
      const held = holdsByType.get(ticketTypeId) ?? new Map<string, number>();
      holdsByType.set(ticketTypeId, held);
      if (!type) return 'insufficient';
      if (held.has(orderId)) return 'already-taken';
      if (type.available < quantity) return 'insufficient';
      type.available -= quantity;
      held.set(orderId, quantity);
      return 'taken';
    },
    giveBack: async (_e, ticketTypeId, orderId) => {
      const type = ticketTypes.find((t) => t.ticketTypeId === ticketTypeId);
      const held = holdsByType.get(ticketTypeId);
      const quantity = held?.get(orderId);
      if (!type || quantity === undefined) return 'not-held';
      type.available += quantity;
      held?.delete(orderId);
      return 'returned';
    },
  };
  const holds: ClaimableHoldsPort = {
    find: async (orderId) => holdRecords.get(orderId),
    create: async (hold) => {
      const existing = holdRecords.get(hold.orderId);
      if (existing) return existing;
      holdRecords.set(hold.orderId, hold);
      return hold;
    },
    setState: async (orderId, state) => {
      const hold = holdRecords.get(orderId);
      if (hold) hold.state = state;
    },
    transition: async (orderId, from, to) => {
      const hold = holdRecords.get(orderId);
      if (hold?.state !== from) return false;
      hold.state = to;
      return true;
    },
    markSettled: async () => {},
  };
  return { catalog, inventory, holds, holdRecords };
};
