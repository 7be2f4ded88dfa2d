import { HoldReleased, PaymentCanceled } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/contracts/runtime/event-handler';
import { logger } from '../adapters/aws-clients.ts';
import { publish } from '../adapters/publish.ts';
import { repositories } from '../adapters/repositories.ts';
import { releaseHold } from '../domain/release-hold.ts';

/** The one place seats go back on sale: when an order's payment is canceled. */
export const handler = eventHandler([PaymentCanceled], async ({ data }) => {
  const repos = repositories();
  const hold = await repos.holds.find(data.orderId);
  const outcome = await releaseHold(data.orderId, repos);
  logger.info('Released hold', { orderId: data.orderId, outcome });
  if (outcome === 'released' && hold) {
    await publish(
      HoldReleased.build(
        {
          orderId: data.orderId,
          eventId: hold.eventId,
          items: hold.lines,
          reason: 'payment_canceled',
        },
        { idempotencyKey: `HoldReleased:${data.orderId}`, correlationId: data.orderId },
      ),
    );
  }
});
