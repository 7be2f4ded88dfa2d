import { GetOrderBuyerInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toOrderBuyer } from '../domain/order-buyer.ts';

/** `orders.getOrderBuyer`: one order's buyer and amounts, for the emails about it. */
export const handler = invocationHandler(GetOrderBuyerInvocation, async ({ orderId }) => {
  const { orders } = repositories();
  const order = await orders.find(orderId);
  return order ? { order: toOrderBuyer(order) } : {};
});
