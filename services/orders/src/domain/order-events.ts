import {
  type EventEntry,
  OrderCanceled,
  OrderFailed,
  OrderFulfilled,
  OrderPlaced,
  OrderRefunded,
} from '@mytabs/contracts';
import type { Order } from './order.ts';

/**
 * The domain events orders publishes, each with an idempotency key from the business fact, so
 * that publishing one again (a retried step, a redelivered fact) is deduplicated downstream.
 */
const options = (key: string, order: Order) => ({
  idempotencyKey: key,
  correlationId: order.orderId,
});

export const orderPlaced = (order: Order): EventEntry =>
  OrderPlaced.build(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      businessId: order.businessId,
      buyer: order.buyer,
      lines: order.lines.map(({ ticketTypeId, quantity, unitPrice, amount }) => ({
        ticketTypeId,
        quantity,
        unitPrice,
        amount,
      })),
      subtotal: order.subtotal,
      fees: order.fees,
      tax: order.tax,
      amount: order.amount,
      currency: order.currency,
      holdExpiresAt: order.holdExpiresAt,
    },
    options(`OrderPlaced:${order.orderId}`, order),
  );

/** Stripe's cancellation reason as the order's: the buyer, the hold sweeper, or anything else. */
const cancelReason = (cancellationReason: string | undefined) =>
  cancellationReason === 'requested_by_customer'
    ? 'buyer_canceled'
    : cancellationReason === 'abandoned'
      ? 'hold_expired'
      : 'payment_canceled';

export const orderCanceled = (order: Order, cancellationReason: string | undefined): EventEntry =>
  OrderCanceled.build(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      paymentIntentId: order.paymentIntentId,
      reason: cancelReason(cancellationReason),
    },
    options(`OrderCanceled:${order.orderId}`, order),
  );

export const orderFulfilled = (order: Order): EventEntry =>
  OrderFulfilled.build(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      businessId: order.businessId,
      ticketIds: order.tickets.map((t) => t.ticketId),
      amount: order.amount,
      currency: order.currency,
    },
    options(`OrderFulfilled:${order.orderId}`, order),
  );

export const orderFailed = (order: Order & { failure: NonNullable<Order['failure']> }) =>
  OrderFailed.build(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      buyer: order.buyer,
      error: order.failure.error,
      ...(order.failure.cause && { cause: order.failure.cause }),
      amountRefunded: order.failure.refund.amount,
      currency: order.failure.refund.currency,
    },
    options(`OrderFailed:${order.orderId}`, order),
  );

export const orderRefunded = (
  order: Order & { status: 'REFUNDED' | 'PARTIALLY_REFUNDED' },
  refund: { refundId: string; amount: number },
): EventEntry =>
  OrderRefunded.build(
    {
      orderId: order.orderId,
      eventId: order.eventId,
      refundId: refund.refundId,
      amount: refund.amount,
      amountRefunded: order.amountRefunded,
      currency: order.currency,
      status: order.status,
      ...(order.eventCanceled && { cause: 'event-canceled' as const }),
    },
    options(`OrderRefunded:${refund.refundId}`, order),
  );
