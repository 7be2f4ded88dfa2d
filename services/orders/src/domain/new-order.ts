import type { CreateOrderInvocation } from '@mytabs/contracts';
import type * as z from 'zod';
import type { Order } from './order.ts';

/** The order createOrder stores: PENDING_PAYMENT, nothing paid, refunded or issued yet. */
export const newOrder = (
  request: z.output<typeof CreateOrderInvocation.request>,
  now: Date,
): Order => ({
  ...request,
  status: 'PENDING_PAYMENT',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
  tickets: [],
  amountRefunded: 0 as Order['amountRefunded'],
});

/** A repeated createOrder must describe the order already stored, not another one. */
export const isSameOrder = (stored: Order, requested: Order) =>
  stored.paymentIntentId === requested.paymentIntentId &&
  stored.eventId === requested.eventId &&
  stored.amount === requested.amount &&
  stored.currency === requested.currency;
