import { operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { orderAccess } from '../domain/order-access.ts';
import { toOrderView } from '../domain/order-views.ts';

export const handler = httpHandler(operations.getOrder, async ({ params, principal }) => {
  const order = await repositories().orders.find(params.orderId);
  if (!order) throw new HttpProblem(404, 'No such order.');
  refuseUnlessAllowed(orderAccess(principal, order), 'No such order.');
  return { status: 200, body: toOrderView(order) };
});
