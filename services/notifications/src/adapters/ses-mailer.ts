import { SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from '@mytabs/lambda-kit';
import { PermanentEmailError, RefusedForNowError } from '../domain/email-errors.ts';
import type { MailerPort } from '../domain/ports.ts';
import { attachmentFile } from './attachment-files.ts';

/** SES v2 errors that mean "not now" rather than "never" (the SDK has retried them already). */
const FOR_NOW = new Set(['TooManyRequestsException', 'LimitExceededException']);

/**
 * SES v2 SendEmail with `Simple` content (a text and an HTML part and the files, rendered now),
 * from the service's `noreply@` sender, with the stage's configuration set (so SES reports its
 * bounces and complaints, and counts its reputation). Simple rather than Raw: SES writes the MIME, and inline
 * images keep the Content-ID their `cid:` links name.
 */
export const sesMailer = (from: string, configurationSet: string): MailerPort => ({
  async send(message) {
    const attachments = await Promise.all(message.attachments.map(attachmentFile));
    try {
      const { MessageId } = await sesClient().send(
        new SendEmailCommand({
          FromEmailAddress: from,
          ConfigurationSetName: configurationSet,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
              ...(attachments.length > 0 && { Attachments: attachments }),
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
