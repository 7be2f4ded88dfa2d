import * as z from 'zod';

/**
 * The envelope every domain event carries in `detail.metadata`. `idempotencyKey` names the
 * business fact (`PaymentSucceeded:pi_123`), never a transport id: Stripe may send one change under
 * several event ids, and a replay or retry may change the EventBridge envelope's `id`.
 */
export const EventMetadata = z.object({
  eventId: z.uuid(),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().min(1),
  idempotencyKey: z.string().min(1),
});
export type EventMetadata = z.infer<typeof EventMetadata>;
