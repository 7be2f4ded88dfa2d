import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type StuckOrderItem as OrderItem,
  type StuckReason,
  scanOrderItems,
  stuckReason,
} from '@mytabs/orders/stuck-orders';
import type { Target } from './target.ts';

export type { OrderItem };
/**
 * What a stuck order is, and the scan that finds them, are orders' own (`@mytabs/orders/stuck-orders`),
 * shared with the scheduled measure behind the stuck-orders alarm; this adds what only a reader
 * of payments' records can tell (a succeeded payment whose order never left PENDING_PAYMENT).
 */
export { type StuckReason, stuckReason };

export interface StuckOrder {
  orderId: string;
  status: string;
  reason: StuckReason;
  paymentIntentId: string;
  amount: number;
  currency: string;
  /** Minutes since the order last changed. */
  minutes: number;
}

/** Every order item of the stage (the orders table's `ORDER` items), parsed. */
export const scanOrders = (target: Target): Promise<OrderItem[]> =>
  scanOrderItems(target.dynamodb, target.names.table('orders'));

/**
 * Whether payments put PaymentSucceeded on the bus for this PaymentIntent: its published-fact
 * record (`fact#<idempotency key>`), written once the event is out.
 */
const paymentSucceeded = async (target: Target, paymentIntentId: string) => {
  const { Item } = await target.dynamodb.send(
    new GetCommand({
      TableName: target.names.table('payments'),
      Key: { pk: `fact#PaymentSucceeded:${paymentIntentId}`, sk: 'record' },
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
};

export const stuckOrders = async (
  target: Target,
  {
    olderThanMs,
    now = new Date(),
    orders,
  }: { olderThanMs: number; now?: Date; orders?: OrderItem[] },
): Promise<StuckOrder[]> => {
  const stuck: StuckOrder[] = [];
  for (const order of orders ?? (await scanOrders(target))) {
    const succeeded =
      order.status === 'PENDING_PAYMENT' && (await paymentSucceeded(target, order.paymentIntentId));
    const reason = stuckReason(order, succeeded, now, olderThanMs);
    if (!reason) continue;
    stuck.push({
      orderId: order.orderId,
      status: order.status,
      reason,
      paymentIntentId: order.paymentIntentId,
      amount: order.amount,
      currency: order.currency,
      minutes: Math.floor((now.getTime() - Date.parse(order.updatedAt)) / 60_000),
    });
  }
  return stuck;
};

/** Fulfilled orders whose confirmation email failed (MarkFulfilled records how it went). */
export const unsentEmails = (orders: OrderItem[]) =>
  orders
    .filter((o) => o.status === 'FULFILLED' && o.confirmation?.status === 'failed')
    .map((o) => ({ orderId: o.orderId, email: o.buyer.email }));
