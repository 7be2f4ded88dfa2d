import { invocationHandler, MarkFailedStep } from '@mytabs/contracts';

/** `orders.markFailed, the failure path of OrderFulfillment`. */
export const handler = invocationHandler(MarkFailedStep, async () => {
  throw new Error('not built yet');
});
