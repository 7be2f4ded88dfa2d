import { PaymentRefunded } from '@mytabs/contracts';
import {
  documentClient,
  eventHandler,
  MetricUnit,
  metrics,
  publishOnce,
  tableName,
} from '@mytabs/lambda-kit';
import { consumeOnce } from '../adapters/consume-once.ts';
import { repositories } from '../adapters/repositories.ts';
import { changeOrder } from '../domain/change-order.ts';
import { orderRefunded } from '../domain/order-events.ts';
import { recordRefund } from '../domain/payment-facts.ts';

/** A refund at Stripe: a fulfilled order becomes REFUNDED or PARTIALLY_REFUNDED. */
export const handler = eventHandler([PaymentRefunded], async ({ metadata, data }) => {
  const { orders, effects } = repositories();
  await consumeOnce(effects, { orderId: data.orderId, ...metadata }, async () => {
    const { order, changed } = await changeOrder(orders, data.orderId, (current) =>
      recordRefund(current, data, new Date()),
    );
    if (changed) metrics.addMetric('OrdersRefunded', MetricUnit.Count, 1);
    const { status } = order;
    if (
      (status === 'REFUNDED' || status === 'PARTIALLY_REFUNDED') &&
      order.lastRefundId === data.refundId
    ) {
      await publishOnce(
        documentClient(),
        tableName(),
        orderRefunded({ ...order, status }, { refundId: data.refundId, amount: data.amount }),
      );
    }
  });
});
