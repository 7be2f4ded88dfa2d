import { invocationHandler, SendConfirmationStep } from '@mytabs/contracts';

/** `notifications.sendOrderConfirmation`, a step of OrderFulfillment. */
export const handler = invocationHandler(SendConfirmationStep, async () => {
  throw new Error('not built yet');
});
