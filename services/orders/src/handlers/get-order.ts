import { businessAccess, operations } from '@mytabs/contracts';
import { HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { orderAccess } from '../domain/order-access.ts';
import { toOrderDetails, toOrderView } from '../domain/order-views.ts';

/** The order as its buyer sees it; its business's owners and managers see the whole of it. */
export const handler = httpHandler(operations.getOrder, async ({ params, principal }) => {
  const { orders, history } = repositories();
  const order = await orders.find(params.orderId);
  if (!order) throw new HttpProblem(404, 'No such order.');
  refuseUnlessAllowed(orderAccess(principal, order), 'No such order.');
  const view = toOrderView(order);
  if (businessAccess(principal, order.businessId, 'orders') !== 'allowed') {
    return { status: 200, body: view };
  }
  const details = toOrderDetails(order, await history.list(order.orderId));
  return { status: 200, body: { ...view, details } };
});
