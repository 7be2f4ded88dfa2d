import { logger } from '@mytabs/lambda-kit';
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { ResendEmailRequest, ResendEmailResponse } from '../domain/resend-email-request.ts';
import { resendFailed } from '../domain/send-once.ts';

/** An operator re-sends an email that failed or was abandoned (after the cause is fixed), once. */
export const handler = async (event: unknown) => {
  const key = ResendEmailRequest.parse(event);
  const deps = emailSending();
  const result = await resendFailed(key, deps);
  logger.info('Re-send', { ...key, ...result });
  if (result.status === 'sent' || result.status === 'already-sent') {
    const record = await deps.records.find(key);
    if (record) await announceSent(result, { ...key, to: record.message.to });
  }
  return ResendEmailResponse.parse(result);
};
