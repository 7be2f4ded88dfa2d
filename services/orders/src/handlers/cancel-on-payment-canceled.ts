import { PaymentCanceled } from '@mytabs/contracts';
import { documentClient, eventHandler, publishOnce, tableName } from '@mytabs/lambda-kit';
import { consumeOnce } from '../adapters/consume-once.ts';
import { repositories } from '../adapters/repositories.ts';
import { unlessUnplaced } from '../adapters/unplaced-order.ts';
import { changeOrder } from '../domain/change-order.ts';
import { orderCanceled } from '../domain/order-events.ts';
import { cancelOnPaymentCanceled } from '../domain/payment-facts.ts';

/** The one owner of CANCELED: the order's PaymentIntent was canceled before it was paid. */
export const handler = eventHandler([PaymentCanceled], async ({ metadata, data }) => {
  const { orders, effects } = repositories();
  await unlessUnplaced(data.orderId, () =>
    consumeOnce(effects, { orderId: data.orderId, ...metadata }, async () => {
      const { order } = await changeOrder(orders, data.orderId, (current) =>
        cancelOnPaymentCanceled(current, new Date()),
      );
      if (order.status === 'CANCELED') {
        await publishOnce(
          documentClient(),
          tableName(),
          orderCanceled(order, data.cancellationReason),
        );
      }
    }),
  );
});
