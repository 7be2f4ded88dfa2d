import * as z from 'zod';
import { OrderTicket } from '../api/orders.ts';
import { VoidReason } from '../events/tickets-voided.ts';
import { OrderId, PaymentIntentId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineInvocation } from './define-invocation.ts';
import { OrderSnapshot } from './order-snapshot.ts';
import { TicketedEvent } from './ticketed-event.ts';

/**
 * The Task states of OrderFulfillment (services/orders/workflows/order-fulfillment.asl.json), each
 * a function of the service that owns the work. Every step reads the order's state first and does
 * nothing if its work is done, so a redrive or a duplicate execution repeats nothing. A step that
 * cannot go on throws an error whose name the ASL matches (`SeatsUnavailable`, `EmailFailed`, ...).
 */

export { StepErrors } from './step-errors.ts';

/** orders.markPaid — PENDING_PAYMENT → PAID (the workflow's first step); answers the order. */
export const MarkPaidStep = defineInvocation({
  ref: 'orders.markPaid',
  request: z.object({ orderId: OrderId, paymentIntentId: PaymentIntentId }),
  response: z.object({ order: OrderSnapshot }),
});

/** ticketing.confirmHold — claims the order's hold, even past expiry; re-holds if it is gone. */
export const ConfirmHoldStep = defineInvocation({
  ref: 'ticketing.confirmHold',
  request: z.object({ order: OrderSnapshot }),
  response: z.object({ outcome: z.enum(['claimed', 'already-claimed', 'reheld']) }),
});

/**
 * ticketing.issueTickets — deterministic ids, signed QR payloads; once per order. It answers the
 * event the tickets admit to as well, as ticketing knows it now, for the steps that print them.
 * `voided` says a dispute or a full refund overtook fulfillment: the tickets exist but admit
 * nobody, so nothing is left to record, email or mark fulfilled.
 */
export const IssueTicketsStep = defineInvocation({
  ref: 'ticketing.issueTickets',
  request: z.object({ order: OrderSnapshot }),
  response: z.object({
    tickets: z.array(OrderTicket).min(1),
    event: TicketedEvent,
    voided: VoidReason.optional(),
  }),
});

/** ticketing.recordAttendees — one attendee per ticket (the buyer where none was named). */
export const RecordAttendeesStep = defineInvocation({
  ref: 'ticketing.recordAttendees',
  request: z.object({ order: OrderSnapshot, tickets: z.array(OrderTicket).min(1) }),
  response: z.object({ recorded: z.number().int().min(0) }),
});

/** notifications.sendOrderConfirmation — one email per order: the event, every ticket and its QR. */
export const SendConfirmationStep = defineInvocation({
  ref: 'notifications.sendOrderConfirmation',
  request: z.object({
    order: OrderSnapshot,
    tickets: z.array(OrderTicket).min(1),
    event: TicketedEvent,
  }),
  response: z.object({
    status: z.enum(['sent', 'already-sent', 'failed']),
    messageId: z.string().optional(),
    /** Why it failed, e.g. the address hard-bounced before. */
    failure: z.string().optional(),
  }),
});

/** orders.markFulfilled — PAID → FULFILLED with the ticket summaries and the email's outcome. */
export const MarkFulfilledStep = defineInvocation({
  ref: 'orders.markFulfilled',
  request: z.object({
    orderId: OrderId,
    tickets: z.array(OrderTicket).min(1),
    confirmation: z.object({ status: z.enum(['sent', 'already-sent', 'failed']) }),
  }),
  response: z.object({ order: OrderSnapshot }),
});

/** payments.refundPayment with `refundRequestId = failed:<orderId>` — see RefundPaymentInvocation. */

/** ticketing.releaseSeats — the failure path gives back whatever the order still holds. */
export const ReleaseSeatsStep = defineInvocation({
  ref: 'ticketing.releaseSeats',
  request: z.object({ orderId: OrderId }),
  response: z.object({ outcome: z.enum(['released', 'nothing-held']) }),
});

/** orders.markFailed — PAID → FAILED with why and what was refunded. */
export const MarkFailedStep = defineInvocation({
  ref: 'orders.markFailed',
  request: z.object({
    orderId: OrderId,
    error: z.string().min(1),
    cause: z.string().optional(),
    refund: z.object({ amount: MinorUnits, currency: Currency }),
  }),
  response: z.object({ order: OrderSnapshot }),
});

/** notifications.sendOrderFailed — the apology: the order could not be fulfilled, and the refund. */
export const SendApologyStep = defineInvocation({
  ref: 'notifications.sendOrderFailed',
  request: z.object({
    order: OrderSnapshot,
    refund: z.object({ amount: MinorUnits, currency: Currency }),
  }),
  response: z.object({
    status: z.enum(['sent', 'already-sent', 'failed']),
    messageId: z.string().optional(),
    /** Why it failed, e.g. the address hard-bounced before. */
    failure: z.string().optional(),
  }),
});
