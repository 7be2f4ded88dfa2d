import type { Decision } from './decision.ts';
import type { Order } from './order.ts';
import { ConcurrentUpdate, OrderNotFound, type OrdersPort } from './ports.ts';

const ATTEMPTS = 5;

/**
 * Read the order, decide, save if the decision changed it: optimistic concurrency (the save is
 * conditional on the version read), deciding again on the fresh order when a save loses a race.
 */
export const changeOrder = async (
  orders: OrdersPort,
  orderId: string,
  decide: (order: Order) => Decision,
): Promise<Decision> => {
  for (let attempt = 1; ; attempt += 1) {
    const current = await orders.find(orderId);
    if (!current) throw new OrderNotFound(orderId);
    const decision = decide(current);
    if (!decision.changed) return decision;
    const next = { ...decision.order, version: current.version + 1 };
    try {
      await orders.save(next);
      return { order: next, changed: true };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdate) || attempt >= ATTEMPTS) throw error;
    }
  }
};
