import { invocationHandler, ReleaseSeatsStep } from '@mytabs/contracts';

/** `ticketing.releaseSeats`, a step of OrderFulfillment. */
export const handler = invocationHandler(ReleaseSeatsStep, async () => {
  throw new Error('not built yet');
});
