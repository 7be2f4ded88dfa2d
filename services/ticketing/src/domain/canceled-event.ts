import { StepErrors } from '@mytabs/contracts';

/**
 * ConfirmHold of an order paid after its event was canceled: the workflow's Catch refunds the
 * payment, releases the seats and tells the buyer, as for any order it cannot fulfil.
 */
export class EventCanceledError extends Error {
  override name = StepErrors.eventCanceled;
}

/** Refuses to go on with an order of a canceled event. */
export const refuseIfCanceled = (event: { eventId: string; status: string } | undefined) => {
  if (event?.status === 'CANCELED') {
    throw new EventCanceledError(`Event ${event.eventId} was canceled: the order is refunded.`);
  }
};
