import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Target } from './target.ts';

/**
 * The one definition of a stuck order, for `ops status`, `ops orders stuck` and the operations
 * alarms alike: paid and not fulfilled after `olderThanMs`, or a succeeded PaymentIntent whose
 * order is still PENDING_PAYMENT after it (PaymentSucceeded never started its fulfillment).
 */
export type StuckReason = 'paid-not-fulfilled' | 'payment-succeeded-order-pending';

/** What the orders table holds of an order, as far as being stuck goes. */
const OrderItem = z.object({
  orderId: z.string(),
  status: z.string(),
  updatedAt: z.string(),
  paymentIntentId: z.string(),
  amount: z.number(),
  currency: z.string(),
  buyer: z.object({ email: z.string() }),
  confirmation: z.object({ status: z.string() }).optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

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

/** Computation only: whether one order is stuck, given whether its payment succeeded. */
export const stuckReason = (
  order: Pick<OrderItem, 'status' | 'updatedAt'>,
  paymentSucceeded: boolean,
  now: Date,
  olderThanMs: number,
): StuckReason | undefined => {
  if (now.getTime() - Date.parse(order.updatedAt) < olderThanMs) return undefined;
  if (order.status === 'PAID') return 'paid-not-fulfilled';
  if (order.status === 'PENDING_PAYMENT' && paymentSucceeded) {
    return 'payment-succeeded-order-pending';
  }
  return undefined;
};

/** Every order item of the stage (the orders table's `ORDER` items), parsed. */
export const scanOrders = async (target: Target): Promise<OrderItem[]> => {
  const orders: OrderItem[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await target.dynamodb.send(
      new ScanCommand({
        TableName: target.names.table('orders'),
        FilterExpression: 'sk = :order',
        ExpressionAttributeValues: { ':order': 'ORDER' },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const parsed = OrderItem.safeParse(item);
      if (parsed.success) orders.push(parsed.data);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return orders;
};

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
