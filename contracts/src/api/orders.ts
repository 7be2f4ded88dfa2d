import * as z from 'zod';
import {
  DisputeId,
  EventId,
  OrderId,
  PaymentIntentId,
  RefundId,
  TicketId,
  TicketTypeId,
} from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { LastPaymentError } from '../payment-error.ts';
import { Attendee, Buyer } from '../people.ts';
import { UtcDateTime } from '../time.ts';

export const OrderStatus = z.enum([
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'CANCELED',
  'FAILED',
  'DISPUTED',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderPathParams = z.object({ orderId: OrderId });

export const OrderLine = z
  .object({
    ticketTypeId: TicketTypeId,
    name: z.string().min(1),
    quantity: z.number().int().min(1),
    unitPrice: MinorUnits,
    amount: MinorUnits,
  })
  .meta({ id: 'OrderLine' });

export const OrderTicket = z
  .object({
    ticketId: TicketId,
    ticketTypeId: TicketTypeId,
    attendee: Attendee,
    /** What the door scans: a signed payload naming the ticket. */
    qr: z.string().min(1),
  })
  .meta({ id: 'OrderTicket' });

/**
 * The whole order, for its business's owners and managers: the order's own record and what the
 * other services reported about it (refunds, check-ins, emails), as orders has taken it in.
 */
export const OrderDetails = z
  .object({
    buyer: Buyer,
    createdAt: UtcDateTime,
    subtotal: MinorUnits,
    fees: MinorUnits,
    tax: MinorUnits,
    payment: z.object({ paymentIntentId: PaymentIntentId, paidAt: UtcDateTime.optional() }),
    amountRefunded: MinorUnits,
    refunds: z.array(z.object({ refundId: RefundId, amount: MinorUnits, at: UtcDateTime })),
    dispute: z.object({ disputeId: DisputeId, reason: z.string() }).optional(),
    /** Every ticket issued, voided ones too (a full refund, a dispute). */
    tickets: z.array(
      z.object({
        ticketId: TicketId,
        ticketTypeId: TicketTypeId,
        attendee: Attendee,
        valid: z.boolean(),
        checkedInAt: UtcDateTime.optional(),
      }),
    ),
    emails: z.array(
      z.object({ template: z.string(), to: z.email(), messageId: z.string(), at: UtcDateTime }),
    ),
  })
  .meta({ id: 'OrderDetails' });
export type OrderDetails = z.infer<typeof OrderDetails>;

export const Order = z
  .object({
    orderId: OrderId,
    status: OrderStatus,
    eventId: EventId,
    lines: z.array(OrderLine).min(1),
    amount: MinorUnits,
    currency: Currency,
    /** The last declined attempt while PENDING_PAYMENT; the buyer may retry with another card. */
    lastPaymentError: LastPaymentError.optional(),
    /** Empty until the order is FULFILLED. */
    tickets: z.array(OrderTicket),
    /** For the business's owners and managers only. */
    details: OrderDetails.optional(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

/** The cancel is asynchronous: the PaymentIntent is canceled now, the order CANCELED after. */
export const CancelOrderResponse = z
  .object({ orderId: OrderId, status: OrderStatus })
  .meta({ id: 'CancelOrderResponse' });

export const RefundOrderRequest = z
  .object({
    /** Omitted: everything not yet refunded. */
    amount: z.number().int().min(1, 'must be more than zero').pipe(MinorUnits).optional(),
    reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  })
  .meta({ id: 'RefundOrderRequest' });
export type RefundOrderRequest = z.infer<typeof RefundOrderRequest>;

export const RefundOrderResponse = z
  .object({
    orderId: OrderId,
    refundId: RefundId,
    amount: MinorUnits,
    currency: Currency,
    /** Stripe's refund status; the order turns REFUNDED or PARTIALLY_REFUNDED when it succeeds. */
    status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
  })
  .meta({ id: 'RefundOrderResponse' });
export type RefundOrderResponse = z.infer<typeof RefundOrderResponse>;
