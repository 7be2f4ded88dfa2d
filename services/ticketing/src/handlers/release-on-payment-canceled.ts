import { HoldReleased, PaymentCanceled } from '@mytabs/contracts';
import { documentClient, eventHandler, logger, publishOnce, tableName } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { releaseUnpaidHold } from '../domain/release-unpaid-hold.ts';

/** The one place seats go back on sale: when an order's payment is canceled. */
export const handler = eventHandler([PaymentCanceled], async ({ data }) => {
  const repos = repositories();
  const hold = await repos.holds.find(data.orderId);
  const outcome = await releaseUnpaidHold(data.orderId, repos);
  logger.info('Released hold', { orderId: data.orderId, outcome });
  if (outcome === 'released' && hold) {
    await publishOnce(
      documentClient(),
      tableName(),
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
