import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { canSeeOrder } from '../domain/order-access.ts';
import { toOrderView } from '../domain/order-views.ts';

export const handler = httpHandler(operations.getOrder, async ({ params, principal }) => {
  const order = await repositories().orders.find(params.orderId);
  if (!order || !canSeeOrder(principal, order)) throw new HttpProblem(404, 'No such order.');
  return { status: 200, body: toOrderView(order) };
});
