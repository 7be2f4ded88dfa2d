import { EmailSent } from '@mytabs/contracts';
import { documentClient, logger, publishOnce, tableName } from '@mytabs/lambda-kit';
import { env } from '../config.ts';
import type { EmailKey, EmailMessage } from '../domain/email-message.ts';
import { type SendResult, sendOnce } from '../domain/send-once.ts';
import { emailRecordsRepository } from './email-records-repository.ts';
import { sesMailer } from './ses-mailer.ts';
import { suppressionsRepository } from './suppressions-repository.ts';

/** The send records, the suppressed addresses and the SES mailer, wired from the environment. */
export const emailSending = () => {
  return {
    records: emailRecordsRepository(documentClient(), tableName()),
    mailer: sesMailer(env('EMAIL_FROM'), env('EMAIL_CONFIGURATION_SET')),
    suppressions: suppressionsRepository(documentClient(), tableName()),
    now: new Date(),
  };
};

/**
 * EmailSent for a sent email, also when a repeat finds it already sent (the first attempt may
 * have stopped before publishing); once on the bus (a `PUBLISHED#` record), a repeat, a retry or
 * a replay publishes it no more.
 */
export const announceSent = async (result: SendResult, email: EmailKey & { to: string }) => {
  if (result.status === 'failed') return;
  await publishOnce(
    documentClient(),
    tableName(),
    EmailSent.build(
      {
        template: email.template,
        to: email.to,
        messageId: result.messageId,
        orderId: email.orderId,
      },
      {
        idempotencyKey: `EmailSent:${email.orderId}:${email.template}${email.fact ? `:${email.fact}` : ''}`,
        correlationId: email.orderId,
      },
    ),
  );
};

/** One email of an order sent once and announced: what the event-driven emails all do. */
export const sendToBuyer = async (
  key: EmailKey & { businessId: string },
  message: EmailMessage,
): Promise<SendResult> => {
  const result = await sendOnce(key, message, emailSending());
  logger.info('Email', { ...key, ...result });
  await announceSent(result, { ...key, to: message.to });
  return result;
};
