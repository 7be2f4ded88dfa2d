import { EmailSent } from '@mytabs/contracts';
import { documentClient, publish, tableName } from '@mytabs/lambda-kit';
import { env } from '../config.ts';
import type { TemplateName } from '../domain/email-message.ts';
import type { SendResult } from '../domain/send-once.ts';
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
 * have stopped before publishing); consumers deduplicate on the idempotency key.
 */
export const announceSent = async (
  result: SendResult,
  email: { orderId: string; template: TemplateName; to: string },
) => {
  if (result.status === 'failed') return;
  await publish(
    EmailSent.build(
      {
        template: email.template,
        to: email.to,
        messageId: result.messageId,
        orderId: email.orderId,
      },
      {
        idempotencyKey: `EmailSent:${email.orderId}:${email.template}`,
        correlationId: email.orderId,
      },
    ),
  );
};
