import { HoldSeatsInvocation, SeatsHeld } from '@mytabs/contracts';
import { documentClient, invocationHandler, publishOnce, tableName } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { env } from '../config.ts';
import { holdSeats } from '../domain/hold-seats.ts';

/** `ticketing.holdSeats`, for payments' checkout: all seats or none, safe to repeat. */
export const handler = invocationHandler(HoldSeatsInvocation, async (request) => {
  const result = await holdSeats(request, {
    ...repositories(),
    now: new Date(),
    holdMinutes: env('HOLD_MINUTES'),
  });
  if (result.ok) {
    await publishOnce(
      documentClient(),
      tableName(),
      SeatsHeld.build(
        {
          orderId: request.orderId,
          eventId: request.eventId,
          items: request.items,
          expiresAt: result.holdExpiresAt,
        },
        { idempotencyKey: `SeatsHeld:${request.orderId}`, correlationId: request.orderId },
      ),
    );
  }
  return result;
});
