import { CountEventOrdersStep } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';

/** `orders.countEventOrders`: EventCancellation's first step, the total its progress counts to. */
export const handler = invocationHandler(CountEventOrdersStep, async ({ eventId }) => ({
  total: await repositories().eventOrders.count(eventId),
}));
