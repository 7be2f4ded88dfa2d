import { PaymentDisputed } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import { consumeOnce } from '../adapters/consume-once.ts';
import { repositories } from '../adapters/repositories.ts';
import { changeOrder } from '../domain/change-order.ts';
import { recordDispute } from '../domain/payment-facts.ts';

/** A dispute on the order's charge: a paid order becomes DISPUTED. */
export const handler = eventHandler([PaymentDisputed], async ({ metadata, data }) => {
  const { orders, effects } = repositories();
  await consumeOnce(effects, { orderId: data.orderId, ...metadata }, async () => {
    await changeOrder(orders, data.orderId, (order) => recordDispute(order, data, new Date()));
  });
});
