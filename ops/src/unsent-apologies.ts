import { orderHistory } from '@mytabs/orders/stuck-orders';
import type { OrderItem } from './stuck-orders.ts';
import type { Target } from './target.ts';

/** The template notifications names the failed order's apology by in its EmailSent fact. */
const APOLOGY_TEMPLATE = 'order-failed';

/**
 * Failed orders (refunded, seats released) whose buyer was never told: no apology in the order's
 * history `olderThanMs` after it failed. The workflow ends such an order at its own Fail state
 * whether the apology went or not, so only the history (notifications' EmailSent, as orders keeps
 * it) tells them apart. One Query per failed order: failed orders are few.
 */
export const unsentApologies = async (
  target: Target,
  orders: OrderItem[],
  { olderThanMs, now = new Date() }: { olderThanMs: number; now?: Date },
) => {
  const history = orderHistory(target.dynamodb, target.names.table('orders'));
  const failed = orders.filter(
    (o) => o.status === 'FAILED' && now.getTime() - Date.parse(o.updatedAt) >= olderThanMs,
  );
  const unsent = [];
  for (const order of failed) {
    const entries = await history.list(order.orderId);
    if (!entries.some((e) => e.kind === 'email' && e.template === APOLOGY_TEMPLATE)) {
      unsent.push({ orderId: order.orderId, email: order.buyer.email });
    }
  }
  return unsent;
};
