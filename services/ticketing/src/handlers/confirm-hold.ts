import { ConfirmHoldStep } from '@mytabs/contracts';
import { invocationHandler, logger } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { confirmHold } from '../domain/confirm-hold.ts';

/** `ticketing.confirmHold`: a paid order's seats become its own for good (or SeatsUnavailable). */
export const handler = invocationHandler(ConfirmHoldStep, async ({ order }) => {
  const outcome = await confirmHold(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      lines: order.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
    },
    { ...repositories(), now: new Date() },
  );
  logger.info('Confirmed hold', { orderId: order.orderId, outcome });
  return { outcome };
});
