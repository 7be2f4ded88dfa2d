import type { Order } from './order.ts';

/** What a command or a fact did to an order: the order after it, and whether it must be saved. */
export interface Decision {
  order: Order;
  changed: boolean;
}

export const unchanged = (order: Order): Decision => ({ order, changed: false });
export const changed = (order: Order): Decision => ({ order, changed: true });
