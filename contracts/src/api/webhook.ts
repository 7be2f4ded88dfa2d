import * as z from 'zod';
import { StripeEventId } from '../ids.ts';

/** The `Stripe-Signature` header over the raw body; the handler verifies it, not the gateway. */
export const StripeSignatureHeader = z.object({ 'stripe-signature': z.string().min(1) });

/**
 * The parts of a Stripe event the webhook reads before dispatching on `type`; the rest of the
 * object is parsed per type by the payments service.
 */
export const StripeWebhookEvent = z
  .looseObject({
    id: StripeEventId,
    object: z.literal('event'),
    type: z.string().min(1),
    created: z.number().int(),
    livemode: z.boolean(),
    data: z.looseObject({ object: z.looseObject({ id: z.string(), object: z.string() }) }),
  })
  .meta({ id: 'StripeWebhookEvent' });
export type StripeWebhookEvent = z.infer<typeof StripeWebhookEvent>;

export const WebhookReceived = z
  .object({ received: z.literal(true) })
  .meta({ id: 'WebhookReceived' });
