import { SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from '@mytabs/lambda-kit';
import { PermanentEmailError, RefusedForNowError } from '../domain/email-errors.ts';
import type { MailerPort } from '../domain/ports.ts';

/** SES v2 errors that mean "not now" rather than "never" (the SDK has retried them already). */
const FOR_NOW = new Set(['TooManyRequestsException', 'LimitExceededException']);

/** SES v2 SendEmail with a text and an HTML part, from the service's `noreply@` sender. */
export const sesMailer = (from: string): MailerPort => ({
  async send(message) {
    try {
      const { MessageId } = await sesClient().send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
            },
          },
        }),
      );
      if (!MessageId) throw new RefusedForNowError('SES answered without a MessageId');
      return MessageId;
    } catch (error) {
      if (!(error instanceof SESv2ServiceException)) throw error;
      const status = error.$metadata.httpStatusCode ?? 0;
      if (FOR_NOW.has(error.name) || status >= 500) {
        throw new RefusedForNowError(`${error.name}: ${error.message}`, { cause: error });
      }
      throw new PermanentEmailError(`${error.name}: ${error.message}`, { cause: error });
    }
  },
});
