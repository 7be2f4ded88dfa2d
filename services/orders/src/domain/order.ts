import {
  Attendee,
  Currency,
  LastPaymentError,
  MinorUnits,
  OrderStatus,
  OrderTicket,
  PlacedOrder,
  TaxCalculationId,
  UtcDateTime,
} from '@mytabs/contracts';
import * as z from 'zod';

/** How the fulfillment workflow's confirmation email went, as MarkFulfilled records it. */
export const ConfirmationStatus = z.enum(['sent', 'already-sent', 'failed']);

/**
 * The Order aggregate as orders stores it. `version` grows by one on every change: each write is
 * conditional on the version it read, so two concurrent changes never overwrite each other.
 */
export const Order = PlacedOrder.extend({
  status: OrderStatus,
  attendees: z.array(Attendee),
  taxCalculationId: TaxCalculationId.optional(),
  holdExpiresAt: UtcDateTime,
  createdAt: UtcDateTime,
  updatedAt: UtcDateTime,
  version: z.number().int().min(1),
  lastPaymentError: LastPaymentError.optional(),
  /** When the recorded decline happened, so an older one arriving late does not replace it. */
  lastPaymentErrorAt: UtcDateTime.optional(),
  paidAt: UtcDateTime.optional(),
  tickets: z.array(OrderTicket),
  confirmation: z.object({ status: ConfirmationStatus }).optional(),
  failure: z
    .object({
      error: z.string().min(1),
      cause: z.string().optional(),
      refund: z.object({ amount: MinorUnits, currency: Currency }),
    })
    .optional(),
  /** What Stripe has refunded so far, whatever the order's status. */
  amountRefunded: MinorUnits,
  /** The refund that set `amountRefunded`, so a redelivery can tell it was already applied. */
  lastRefundId: z.string().optional(),
  dispute: z.object({ disputeId: z.string(), reason: z.string() }).optional(),
  /** Set before its event's cancellation refunds the order (see event-cancellation.ts). */
  eventCanceled: z.object({ reason: z.string() }).optional(),
});
export type Order = z.infer<typeof Order>;
