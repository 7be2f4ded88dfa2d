import { MarkPaidStep } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { asStep } from '../adapters/step-errors.ts';
import { changeOrder } from '../domain/change-order.ts';
import { toSnapshot } from '../domain/order-views.ts';
import { markPaid } from '../domain/workflow-steps.ts';

/** `orders.markPaid`, OrderFulfillment's first step: PENDING_PAYMENT → PAID, then the order. */
export const handler = invocationHandler(
  MarkPaidStep,
  asStep(async ({ orderId, paymentIntentId }) => {
    const { order } = await changeOrder(repositories().orders, orderId, (current) =>
      markPaid(current, paymentIntentId, new Date()),
    );
    return { order: toSnapshot(order) };
  }),
);
