import { PaymentFailed } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import { consumeOnce } from '../adapters/consume-once.ts';
import { repositories } from '../adapters/repositories.ts';
import { unlessUnplaced } from '../adapters/unplaced-order.ts';
import { changeOrder } from '../domain/change-order.ts';
import { recordPaymentFailure } from '../domain/payment-facts.ts';

/** A declined attempt: the order keeps awaiting payment, with the error for the buyer to see. */
export const handler = eventHandler([PaymentFailed], async ({ metadata, data }) => {
  const { orders, effects } = repositories();
  await unlessUnplaced(data.orderId, () =>
    consumeOnce(effects, { orderId: data.orderId, ...metadata }, async () => {
      await changeOrder(orders, data.orderId, (order) =>
        recordPaymentFailure(
          order,
          { lastPaymentError: data.lastPaymentError, occurredAt: metadata.occurredAt },
          new Date(),
        ),
      );
    }),
  );
});
