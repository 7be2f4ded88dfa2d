import type { Order } from './order.ts';

/** A save lost a race: someone changed the order since it was read. */
export class ConcurrentUpdate extends Error {
  override name = 'ConcurrentUpdate';
}

export class OrderNotFound extends Error {
  override name = 'OrderNotFound';
  constructor(readonly orderId: string) {
    super(`No order ${orderId}`);
  }
}

/** What the domain needs from storage; the DynamoDB adapter implements it. */
export interface OrdersPort {
  find(orderId: string): Promise<Order | undefined>;
  /** Stores a new order; answers the stored one, and whether this call created it. */
  create(order: Order): Promise<{ order: Order; created: boolean }>;
  /** Writes `order` (its `version` already bumped) if the stored one is still `version - 1`. */
  save(order: Order): Promise<void>;
}
