import { HoldReleased, invocationHandler, ReleaseSeatsStep } from '@mytabs/contracts';
import { logger } from '../adapters/aws-clients.ts';
import { publish } from '../adapters/publish.ts';
import { repositories } from '../adapters/repositories.ts';
import { releaseSeats } from '../domain/release-seats.ts';

/** `ticketing.releaseSeats`: the refund path puts a failed order's seats back on sale, once. */
export const handler = invocationHandler(ReleaseSeatsStep, async ({ orderId }) => {
  const { outcome, hold } = await releaseSeats(orderId, repositories());
  logger.info('Released seats of a failed order', { orderId, outcome });
  if (outcome === 'released' && hold) {
    await publish(
      HoldReleased.build(
        { orderId, eventId: hold.eventId, items: hold.lines, reason: 'order_failed' },
        { idempotencyKey: `HoldReleased:${orderId}`, correlationId: orderId },
      ),
    );
  }
  return { outcome };
});
