import { invocationHandler, MarkFulfilledStep } from '@mytabs/contracts';

/** `orders.markFulfilled, the last step of OrderFulfillment`. */
export const handler = invocationHandler(MarkFulfilledStep, async () => {
  throw new Error('not built yet');
});
