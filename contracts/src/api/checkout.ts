import * as z from 'zod';
import { BuyerAddress } from '../address.ts';
import { CartItem } from '../cart.ts';
import { EventId, OrderId, PaymentIntentId, TaxCalculationId, TicketTypeId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { Attendee, Buyer } from '../people.ts';
import { UtcDateTime } from '../time.ts';

/** POST /payments/calculate-tax: the cart to price; the server recomputes, never trusts, numbers. */
export const CalculateTaxRequest = z
  .object({
    eventId: EventId,
    items: z.array(CartItem).min(1),
    address: BuyerAddress,
    promoCode: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'CalculateTaxRequest' });
export type CalculateTaxRequest = z.infer<typeof CalculateTaxRequest>;

/** One line of a quote: a ticket type's seats, or the service fee shown as its own line. */
export const QuoteLine = z
  .object({
    kind: z.enum(['ticket', 'fee']),
    ticketTypeId: TicketTypeId.optional(),
    description: z.string().min(1),
    quantity: z.number().int().min(1),
    unitAmount: MinorUnits,
    /** The line total (unit amount × quantity), excluding tax. */
    amount: MinorUnits,
    tax: MinorUnits,
    taxBehavior: z.enum(['exclusive', 'inclusive']),
  })
  .meta({ id: 'QuoteLine' });
export type QuoteLine = z.infer<typeof QuoteLine>;

/** `total = subtotal + fees + tax`; a tax-inclusive price's tax is moved out of `subtotal`. */
export const CalculateTaxResponse = z
  .object({
    currency: Currency,
    subtotal: MinorUnits,
    fees: MinorUnits,
    tax: MinorUnits,
    total: MinorUnits,
    lines: z.array(QuoteLine).min(1),
    taxCalculationId: TaxCalculationId,
  })
  .meta({ id: 'CalculateTaxResponse' });
export type CalculateTaxResponse = z.infer<typeof CalculateTaxResponse>;

export const CreatePaymentIntentRequest = z
  .object({
    eventId: EventId,
    items: z.array(CartItem).min(1),
    address: BuyerAddress,
    taxCalculationId: TaxCalculationId.optional(),
    buyer: Buyer,
    /** One per seat when given; seats without one are the buyer's. */
    attendees: z.array(Attendee).optional(),
  })
  .meta({ id: 'CreatePaymentIntentRequest' });
export type CreatePaymentIntentRequest = z.infer<typeof CreatePaymentIntentRequest>;

/** A retried request with the same key answers the first one's result instead of a second order. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().meta({
    description: 'Retries with the same key return the first answer (Stripe-style).',
  }),
});

/** Where a duplicate would move money twice (a refund), the key is not optional. */
export const RequiredIdempotencyKeyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).meta({
    description: 'Required: a repeated request with the same key refunds once.',
  }),
});

export const CreatePaymentIntentResponse = z
  .object({
    orderId: OrderId,
    paymentIntentId: PaymentIntentId,
    /** For Stripe.js `confirmPayment` in the browser. */
    clientSecret: z.string().regex(/^pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/),
    /** Bearer token for GET /orders/{orderId} and POST /orders/{orderId}/cancel. */
    orderToken: z.string().min(1),
    amount: MinorUnits,
    currency: Currency,
    holdExpiresAt: UtcDateTime,
  })
  .meta({ id: 'CreatePaymentIntentResponse' });
export type CreatePaymentIntentResponse = z.infer<typeof CreatePaymentIntentResponse>;
