import { OrderFulfilled } from '@mytabs/contracts';
import { eventHandler, logger } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { settleHold } from '../domain/settle-hold.ts';

/** A fulfilled order's seats are sold for good: its inventory marks are no longer needed. */
export const handler = eventHandler([OrderFulfilled], async ({ data }) => {
  const outcome = await settleHold(data.orderId, { ...repositories(), now: new Date() });
  logger.info('Settled hold', { orderId: data.orderId, outcome });
});
