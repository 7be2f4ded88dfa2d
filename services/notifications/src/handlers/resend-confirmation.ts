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
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { orderTicketsRepository } from '../adapters/order-tickets-repository.ts';
import { resendLimitsRepository } from '../adapters/resend-limits-repository.ts';
import { downloadAccess } from '../domain/download-access.ts';
import { nextResendAt } from '../domain/resend-limit.ts';
import { sendOnce } from '../domain/send-once.ts';

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
  const template = `order-confirmation-resend-${turn.turn}` as const;
  const message = await confirmationMessage(kept);
  const result = await sendOnce(
    { orderId: params.orderId, template, businessId: kept.order.businessId },
    message,
    emailSending(),
  );
  logger.info('Confirmation sent again on request', {
    orderId: params.orderId,
    requestedBy: principal.principalType === 'user' ? principal.userId : 'order-token',
    turn: turn.turn,
    ...result,
  });
  await announceSent(result, { orderId: params.orderId, template, to: message.to });
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
