import { z } from 'zod';
import { OrderLine } from '../api/orders.ts';
import { BusinessId, EventId, OrderId, PaymentIntentId, TaxCalculationId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Attendee, Buyer } from '../people.ts';
import { UtcDateTime } from '../time.ts';
import { defineInvocation } from './define-invocation.ts';

/**
 * `orders.createOrder`, for payments' checkout: the Order in PENDING_PAYMENT, once per order id
 * (a repeat answers the same order and token), and the buyer's order token.
 */
export const CreateOrderInvocation = defineInvocation({
  ref: 'orders.createOrder',
  request: z.object({
    orderId: OrderId,
    eventId: EventId,
    businessId: BusinessId,
    buyer: Buyer,
    attendees: z.array(Attendee).default([]),
    lines: z.array(OrderLine).min(1),
    subtotal: MinorUnits,
    fees: MinorUnits,
    tax: MinorUnits,
    amount: MinorUnits,
    currency: Currency,
    paymentIntentId: PaymentIntentId,
    taxCalculationId: TaxCalculationId.optional(),
    holdExpiresAt: UtcDateTime,
  }),
  response: z.object({ orderId: OrderId, orderToken: z.string().min(1), created: z.boolean() }),
});
