import { OrderRefunded, PaymentDisputed, TicketsVoided } from '@mytabs/contracts';
import { documentClient, eventHandler, logger, publishOnce, tableName } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import type { VoidReason } from '../domain/ticket.ts';

/**
 * An order refunded in full or disputed: its tickets no longer admit anyone (check-in refuses
 * them). A partial refund leaves them valid. The void mark is the order's, written once, so a
 * dispute that overtakes fulfillment voids the tickets issued after it too.
 */
export const handler = eventHandler([OrderRefunded, PaymentDisputed], async (detail, event) => {
  const { orderId } = detail.data;
  const reason: VoidReason | undefined =
    event['detail-type'] === PaymentDisputed.detailType
      ? 'disputed'
      : 'status' in detail.data && detail.data.status === 'REFUNDED'
        ? 'refunded'
        : undefined;
  if (!reason) return;

  const { tickets } = repositories();
  await tickets.voidOrder(orderId, reason, new Date().toISOString());
  const issued = await tickets.listForOrder(orderId);
  logger.info('Voided tickets', { orderId, reason, tickets: issued.length });
  const [first] = issued;
  if (!first) return;
  await publishOnce(
    documentClient(),
    tableName(),
    TicketsVoided.build(
      {
        orderId,
        eventId: first.eventId,
        ticketIds: issued.map((t) => t.ticketId),
        reason: (await tickets.voidedBecause(orderId)) ?? reason,
      },
      { idempotencyKey: `TicketsVoided:${orderId}`, correlationId: orderId },
    ),
  );
});
