import { MarkFulfilledStep } from '@mytabs/contracts';
import {
  documentClient,
  invocationHandler,
  MetricUnit,
  metrics,
  publishOnce,
  tableName,
} from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { asStep } from '../adapters/step-errors.ts';
import { changeOrder } from '../domain/change-order.ts';
import { orderFulfilled } from '../domain/order-events.ts';
import { toSnapshot } from '../domain/order-views.ts';
import { markFulfilled } from '../domain/workflow-steps.ts';

/** `orders.markFulfilled`, OrderFulfillment's last step: PAID → FULFILLED, then OrderFulfilled. */
export const handler = invocationHandler(
  MarkFulfilledStep,
  asStep(async ({ orderId, tickets, confirmation }) => {
    const { orders } = repositories();
    const { order, changed } = await changeOrder(orders, orderId, (current) =>
      markFulfilled(current, { tickets, confirmation }, new Date()),
    );
    if (changed && order.status === 'FULFILLED') {
      metrics.addMetric('OrdersFulfilled', MetricUnit.Count, 1);
    }
    if (order.status === 'FULFILLED')
      await publishOnce(documentClient(), tableName(), orderFulfilled(order));
    return { order: toSnapshot(order) };
  }),
);
