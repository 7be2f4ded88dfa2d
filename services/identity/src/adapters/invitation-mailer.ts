import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { sesClient } from '@mytabs/lambda-kit';
import { env } from '../config.ts';

/**
 * SES v2 SendEmail of a plain-text message from the stage's `noreply@` sender, with the stage's
 * configuration set (its bounces and complaints reach notifications).
 */
export const sendEmail = async (message: { to: string; subject: string; text: string }) => {
  await sesClient().send(
    new SendEmailCommand({
      FromEmailAddress: env('EMAIL_FROM'),
      ConfigurationSetName: env('EMAIL_CONFIGURATION_SET'),
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
};

/** The site invitees sign up on: the domain the stage sends email from. */
export const siteUrl = () => `https://${env('EMAIL_FROM').split('@')[1]}`;
