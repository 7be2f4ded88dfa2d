import * as z from 'zod';
import { EventId, OrderId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { defineInvocation } from './define-invocation.ts';
import { OrderSnapshot } from './order-snapshot.ts';
import { TicketedEvent } from './ticketed-event.ts';

/**
 * The Task states of EventCancellation (services/orders/workflows/event-cancellation.asl.json),
 * and the email its CancelOrder step sends. Each step is safe to run again: a redrive or a second
 * request refunds, cancels and tells each buyer once.
 */

/** orders.countEventOrders — how many orders the event has, for the progress its members see. */
export const CountEventOrdersStep = defineInvocation({
  ref: 'orders.countEventOrders',
  request: z.object({ eventId: EventId }),
  response: z.object({ total: z.number().int().min(0) }),
});

/** orders.readCancellationPage — the next page of the event's order ids (null cursor: the first). */
export const ReadCancellationPageStep = defineInvocation({
  ref: 'orders.readCancellationPage',
  request: z.object({
    eventId: EventId,
    cursor: z.string().min(1).nullable(),
    /** Orders gone through before this page. */
    done: z.number().int().min(0),
  }),
  response: z.object({
    orderIds: z.array(OrderId),
    cursor: z.string().min(1).nullable(),
    /** Orders gone through once this page is. */
    doneAfter: z.number().int().min(0),
    last: z.boolean(),
  }),
});

/**
 * orders.cancelOrderForEvent — one order of a canceled event, by its owners' own paths: a paid one
 * refunded of what remains (and its buyer told), an unpaid one's PaymentIntent canceled.
 */
export const CancelOrderForEventStep = defineInvocation({
  ref: 'orders.cancelOrderForEvent',
  request: z.object({
    orderId: OrderId,
    event: TicketedEvent,
    reason: z.string().min(1),
  }),
  response: z.object({
    outcome: z.enum(['refunded', 'payment-canceled', 'nothing-to-do']),
  }),
});

/** ticketing.recordCancellationProgress — the progress members see on `GET /events/{eventId}`. */
export const RecordCancellationProgressStep = defineInvocation({
  ref: 'ticketing.recordCancellationProgress',
  request: z.object({
    eventId: EventId,
    ordersDone: z.number().int().min(0),
    ordersTotal: z.number().int().min(0),
    finished: z.boolean(),
  }),
  response: z.object({ recorded: z.boolean() }),
});

/**
 * notifications.sendEventCanceled — the buyer of a paid order is told the event is canceled, why,
 * and what was refunded: this email is the refund's only announcement.
 */
export const SendEventCanceledInvocation = defineInvocation({
  ref: 'notifications.sendEventCanceled',
  request: z.object({
    order: OrderSnapshot,
    event: TicketedEvent,
    reason: z.string().min(1),
    refund: z.object({ amount: MinorUnits, currency: Currency }),
  }),
  response: z.object({
    status: z.enum(['sent', 'already-sent', 'failed']),
    messageId: z.string().optional(),
    failure: z.string().optional(),
  }),
});
