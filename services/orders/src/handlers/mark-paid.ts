import { invocationHandler, MarkPaidStep } from '@mytabs/contracts';

/** `orders.markPaid, the first step of OrderFulfillment`. */
export const handler = invocationHandler(MarkPaidStep, async () => {
  throw new Error('not built yet');
});
