import { ConfirmHoldStep } from '@mytabs/contracts';
import { invocationHandler, logger } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { refuseIfCanceled } from '../domain/canceled-event.ts';
import { confirmHold } from '../domain/confirm-hold.ts';

/**
 * `ticketing.confirmHold`: a paid order's seats become its own for good (or SeatsUnavailable; or
 * EventCanceled for an order paid after its event was canceled).
 */
export const handler = invocationHandler(ConfirmHoldStep, async ({ order }) => {
  const deps = { ...repositories(), now: new Date() };
  refuseIfCanceled((await deps.catalog.findEvent(order.eventId))?.event);
  const outcome = await confirmHold(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      lines: order.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
    },
    deps,
  );
  logger.info('Confirmed hold', { orderId: order.orderId, outcome });
  return { outcome };
});
