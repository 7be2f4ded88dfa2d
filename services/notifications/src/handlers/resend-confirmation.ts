import { operations } from '@mytabs/contracts';
import {
  documentClient,
  HttpProblem,
  httpHandler,
  logger,
  refuseUnlessAllowed,
  tableName,
} from '@mytabs/lambda-kit';
import { confirmationMessage } from '../adapters/confirmation-message.ts';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { orderTicketsRepository } from '../adapters/order-tickets-repository.ts';
import { resendLimitsRepository } from '../adapters/resend-limits-repository.ts';
import { downloadAccess } from '../domain/download-access.ts';
import { nextResendAt } from '../domain/resend-limit.ts';

const NOT_FOUND = 'No such order, or it has no tickets yet.';

/**
 * `POST /orders/{orderId}/resend`: the confirmation again, with the tickets' current codes, for
 * the order token's holder or the business's owners and managers, once every few minutes.
 */
export const handler = httpHandler(operations.resendConfirmation, async ({ params, principal }) => {
  const db = documentClient();
  const kept = await orderTicketsRepository(db, tableName()).find(params.orderId);
  if (!kept) throw new HttpProblem(404, NOT_FOUND);
  const access = downloadAccess(principal, kept.order, false);
  if (access === 'unauthenticated') throw new HttpProblem(401, 'Sign in to do this.');
  refuseUnlessAllowed(access, NOT_FOUND);

  const now = new Date();
  const turn = await resendLimitsRepository(db, tableName()).takeTurn(params.orderId, now);
  if ('tooSoonAfter' in turn) {
    const next = nextResendAt(turn.tooSoonAfter);
    const waitS = Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
    logger.warn('Re-send refused: too soon', { orderId: params.orderId, next: next.toISOString() });
    throw new HttpProblem(
      429,
      `The confirmation was sent again a moment ago; ask again after ${next.toISOString()}.`,
      { nextAllowedAt: next.toISOString() },
      { 'retry-after': String(waitS) },
    );
  }
  logger.info('Confirmation to be sent again on request', {
    orderId: params.orderId,
    requestedBy: principal.principalType === 'user' ? principal.userId : 'order-token',
    turn: turn.turn,
  });
  const result = await sendToBuyer(
    {
      orderId: params.orderId,
      template: 'order-confirmation-resend',
      fact: String(turn.turn),
      businessId: kept.order.businessId,
    },
    await confirmationMessage(kept),
  );
  if (result.status === 'failed') throw new HttpProblem(409, result.failure);
  return {
    status: 202,
    body: {
      status: 'sent',
      messageId: result.messageId,
      nextAllowedAt: nextResendAt(now).toISOString(),
    },
  };
});
