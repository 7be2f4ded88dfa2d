import { HoldReleased, ReleaseSeatsStep } from '@mytabs/contracts';
import {
  documentClient,
  invocationHandler,
  logger,
  publishOnce,
  tableName,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { releaseFailedOrderSeats } from '../domain/release-failed-order-seats.ts';

/** `ticketing.releaseSeats`: the refund path puts a failed order's seats back on sale, once. */
export const handler = invocationHandler(ReleaseSeatsStep, async ({ orderId }) => {
  const { outcome, hold } = await releaseFailedOrderSeats(orderId, repositories());
  logger.info('Released seats of a failed order', { orderId, outcome });
  if (outcome === 'released' && hold) {
    await publishOnce(
      documentClient(),
      tableName(),
      HoldReleased.build(
        { orderId, eventId: hold.eventId, items: hold.lines, reason: 'order_failed' },
        { idempotencyKey: `HoldReleased:${orderId}`, correlationId: orderId },
      ),
    );
  }
  return { outcome };
});
