import { MarkFailedStep } from '@mytabs/contracts';
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
import { failureCause } from '../domain/failure-cause.ts';
import { orderFailed } from '../domain/order-events.ts';
import { toSnapshot } from '../domain/order-views.ts';
import { markFailed } from '../domain/workflow-steps.ts';

/** `orders.markFailed`, on OrderFulfillment's failure path after the refund: PAID → FAILED. */
export const handler = invocationHandler(
  MarkFailedStep,
  asStep(async ({ orderId, error, cause, refund }) => {
    const { orders } = repositories();
    const described = failureCause(cause);
    const { order, changed } = await changeOrder(orders, orderId, (current) =>
      markFailed(current, { error, ...(described && { cause: described }), refund }, new Date()),
    );
    if (changed && order.status === 'FAILED')
      metrics.addMetric('OrdersFailed', MetricUnit.Count, 1);
    const { failure } = order;
    if (order.status === 'FAILED' && failure) {
      await publishOnce(documentClient(), tableName(), orderFailed({ ...order, failure }));
    }
    return { order: toSnapshot(order) };
  }),
);
