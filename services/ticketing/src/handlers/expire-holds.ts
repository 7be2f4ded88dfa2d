import { HoldExpired } from '@mytabs/contracts';
import { logger } from '../adapters/aws-clients.ts';
import { publish } from '../adapters/publish.ts';
import { repositories } from '../adapters/repositories.ts';

const BATCH = 100;

/**
 * The sweeper, every minute: reports each hold past its expiry once (HoldExpired) and releases
 * nothing itself. Payments answers by canceling the PaymentIntent, unless it was paid meanwhile.
 */
export const handler = async (): Promise<{ reported: number }> => {
  const { holds } = repositories();
  let reported = 0;
  for (;;) {
    const expired = await holds.listExpired(new Date(), BATCH);
    for (const hold of expired) {
      await publish(
        HoldExpired.build(
          {
            orderId: hold.orderId,
            eventId: hold.eventId,
            items: hold.lines,
            expiresAt: hold.expiresAt,
          },
          { idempotencyKey: `HoldExpired:${hold.orderId}`, correlationId: hold.orderId },
        ),
      );
      await holds.markExpiryReported(hold.orderId);
      reported += 1;
    }
    if (expired.length < BATCH) break;
  }
  if (reported > 0) logger.info('Reported expired holds', { reported });
  return { reported };
};
