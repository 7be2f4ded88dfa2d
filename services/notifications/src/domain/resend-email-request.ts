import { OrderId } from '@mytabs/contracts';
import * as z from 'zod';

/**
 * `notifications.resendEmail`, for operators (and only them: no other service is granted it): a
 * failed or abandoned email of an order sent again, once. Invoke it with the Lambda API, e.g.
 * `aws lambda invoke --function-name <resendEmail> --payload '{"orderId":"ord_…","template":"order-confirmation"}'`.
 */
export const ResendEmailRequest = z.object({
  orderId: OrderId,
  template: z.enum([
    'order-confirmation',
    'order-failed',
    'order-refunded',
    'event-changed',
    'event-reminder',
  ]),
  /** The refund's or the event change's id, for the templates sent once per fact. */
  fact: z.string().min(1).optional(),
});

export const ResendEmailResponse = z.object({
  status: z.enum(['sent', 'already-sent', 'failed', 'not-found']),
  messageId: z.string().optional(),
  failure: z.string().optional(),
});
