import { CreateOrderInvocation, invocationHandler } from '@mytabs/contracts';

/** `orders.createOrder, for payments' checkout`. */
export const handler = invocationHandler(CreateOrderInvocation, async () => {
  throw new Error('not built yet');
});
