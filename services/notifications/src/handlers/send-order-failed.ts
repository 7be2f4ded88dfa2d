import { invocationHandler, SendApologyStep } from '@mytabs/contracts';

/** `notifications.sendOrderFailed`, a step of OrderFulfillment. */
export const handler = invocationHandler(SendApologyStep, async () => {
  throw new Error('not built yet');
});
