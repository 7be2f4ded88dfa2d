import { CreateOrderInvocation, IssueOrderTokenInvocation } from '@mytabs/contracts';
import {
  documentClient,
  invocationHandler,
  invoke,
  MetricUnit,
  metrics,
  publishOnce,
  tableName,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { isSameOrder, newOrder } from '../domain/new-order.ts';
import { orderPlaced } from '../domain/order-events.ts';

class OrderConflict extends Error {
  override name = 'OrderConflict';
}

/**
 * `orders.createOrder`, for payments' checkout: the order in PENDING_PAYMENT once per order id (a
 * repeat answers the stored order), a fresh order token for its buyer, and OrderPlaced.
 */
export const handler = invocationHandler(CreateOrderInvocation, async (request) => {
  const { orders } = repositories();
  const wanted = newOrder(request, new Date());
  const { order, created } = await orders.create(wanted);
  if (!created && !isSameOrder(order, wanted)) {
    throw new OrderConflict(`Order ${order.orderId} exists for another payment`);
  }
  if (created) metrics.addMetric('OrdersPlaced', MetricUnit.Count, 1);
  const { orderToken } = await invoke(IssueOrderTokenInvocation, { orderId: order.orderId });
  await publishOnce(documentClient(), tableName(), orderPlaced(order));
  return { orderId: order.orderId, orderToken, created };
});
