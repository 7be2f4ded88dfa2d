import { invocationHandler, RecordAttendeesStep } from '@mytabs/contracts';

/** `ticketing.recordAttendees`, a step of OrderFulfillment. */
export const handler = invocationHandler(RecordAttendeesStep, async () => {
  throw new Error('not built yet');
});
