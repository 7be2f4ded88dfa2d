import { OrderRefunded, PaymentDisputed } from '@mytabs/contracts';
import { eventHandler, logger } from '@mytabs/lambda-kit';
import { announceVoidedTickets } from '../adapters/announce-voided-tickets.ts';
import { repositories } from '../adapters/repositories.ts';
import { allTicketsIssued } from '../domain/issue-tickets.ts';
import type { VoidReason } from '../domain/ticket.ts';

/**
 * An order refunded in full or disputed: its tickets no longer admit anyone (check-in refuses
 * them). A partial refund leaves them valid. The void mark is the order's, written once, so a
 * dispute that overtakes fulfillment voids the tickets issued after it too; IssueTickets then
 * announces them, since this finds them not yet all written.
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

  const { tickets, holds } = repositories();
  await tickets.voidOrder(orderId, reason, new Date().toISOString());
  const issued = await tickets.listForOrder(orderId);
  const complete = allTicketsIssued(await holds.find(orderId), issued);
  logger.info('Voided tickets', { orderId, reason, tickets: issued.length, complete });
  if (!complete) return;
  await announceVoidedTickets(
    tickets,
    'voidTickets',
    issued,
    (await tickets.voidedBecause(orderId)) ?? reason,
  );
});
