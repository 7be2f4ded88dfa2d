import { MarkPaidStep } from '@mytabs/contracts';
import { invocationHandler, MetricUnit, metrics } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { asStep } from '../adapters/step-errors.ts';
import { changeOrder } from '../domain/change-order.ts';
import { toSnapshot } from '../domain/order-views.ts';
import { markPaid } from '../domain/workflow-steps.ts';

/** `orders.markPaid`, OrderFulfillment's first step: PENDING_PAYMENT → PAID, then the order. */
export const handler = invocationHandler(
  MarkPaidStep,
  asStep(async ({ orderId, paymentIntentId }) => {
    const { order, changed } = await changeOrder(repositories().orders, orderId, (current) =>
      markPaid(current, paymentIntentId, new Date()),
    );
    // Counted where the transition is saved (once), for the dashboard's order funnel.
    if (changed) metrics.addMetric('OrdersPaid', MetricUnit.Count, 1);
    return { order: toSnapshot(order) };
  }),
);
