import { HoldExpired } from '@mytabs/contracts';
import { logger, publish } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';

const BATCH = 100;
/** How long an expired hold may stay unresolved before it is reported again. */
const REPORT_AGAIN_MS = 5 * 60_000;

/**
 * The sweeper, every minute: reports each hold past its expiry (HoldExpired, one idempotency key
 * per hold) and releases nothing itself. Payments answers by canceling the PaymentIntent, unless
 * it was paid meanwhile; a hold still active five minutes later is reported again.
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
      await holds.deferSweep(hold.orderId, new Date(Date.now() + REPORT_AGAIN_MS));
      reported += 1;
    }
    if (expired.length < BATCH) break;
  }
  if (reported > 0) logger.info('Reported expired holds', { reported });
  return { reported };
};
