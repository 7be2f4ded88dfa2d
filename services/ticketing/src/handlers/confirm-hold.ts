import { ConfirmHoldStep, invocationHandler } from '@mytabs/contracts';

/** `ticketing.confirmHold`, a step of OrderFulfillment. */
export const handler = invocationHandler(ConfirmHoldStep, async () => {
  throw new Error('not built yet');
});
