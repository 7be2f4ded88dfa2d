import * as z from 'zod';

/**
 * A PaymentIntent's `last_payment_error` as the buyer needs it to try again: Stripe's error `type`,
 * `code` and `decline_code` (e.g. `card_declined` / `insufficient_funds`) and its message.
 */
export const LastPaymentError = z.object({
  type: z.string().min(1),
  code: z.string().min(1).optional(),
  declineCode: z.string().min(1).optional(),
  message: z.string().min(1),
});
export type LastPaymentError = z.infer<typeof LastPaymentError>;
