import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../src/platform.ts';
import { clientConfig, startFixturePlatform } from './fixture-platform.ts';

let platform: Platform;
let ses: SESv2Client;

beforeAll(async () => {
  ({ platform } = await startFixturePlatform());
  ses = new SESv2Client(clientConfig(platform.endpoints.edge ?? ''));
});
afterAll(async () => {
  ses?.destroy();
  await platform?.close();
});

/** Bytes no text encoding survives: a file must arrive exactly as these. */
const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x1a, 0x80]);

const withAttachments = (to: string, attachments: NonNullable<unknown>[]) =>
  new SendEmailCommand({
    FromEmailAddress: 'noreply@keeptabs.app',
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: 'Your tickets' },
        Body: {
          Text: { Data: 'Ticket attached' },
          Html: { Data: '<p><img src="cid:qr-1" alt="QR"></p>' },
        },
        Attachments: attachments as never,
      },
    },
  });

it('keeps Simple content attachments as sent, and serves the message as MIME a mail client reads', async () => {
  const { MessageId } = await ses.send(
    withAttachments('files@example.com', [
      {
        FileName: 'qr-1.png',
        ContentType: 'image/png',
        ContentDisposition: 'INLINE',
        ContentId: 'qr-1',
        ContentTransferEncoding: 'BASE64',
        RawContent: binary,
      },
      {
        FileName: 'tickets.pdf',
        ContentType: 'application/pdf',
        ContentDisposition: 'ATTACHMENT',
        ContentTransferEncoding: 'BASE64',
        RawContent: binary,
      },
    ]),
  );
  const { emails } = (await (await fetch(`${platform.endpoints.ses}/store`)).json()) as {
    emails: { messageId: string; attachments: Record<string, unknown>[] }[];
  };
  expect(emails.find((e) => e.messageId === MessageId)?.attachments).toEqual([
    expect.objectContaining({
      filename: 'qr-1.png',
      contentType: 'image/png',
      contentDisposition: 'INLINE',
      contentId: 'qr-1',
      content: binary.toString('base64'),
    }),
    expect.objectContaining({ filename: 'tickets.pdf', content: binary.toString('base64') }),
  ]);

  const eml = await fetch(`${platform.endpoints.ses}/messages/${MessageId}.eml`);
  expect(eml.headers.get('content-type')).toBe('message/rfc822');
  const mail = await simpleParser(Buffer.from(await eml.arrayBuffer()), {
    skipImageLinks: true,
  });
  expect(mail.text?.trim()).toBe('Ticket attached');
  expect(mail.html).toContain('src="cid:qr-1"');
  const [image, pdf] = mail.attachments;
  expect(image).toMatchObject({ contentId: '<qr-1>', contentDisposition: 'inline', related: true });
  expect(image?.content.equals(binary)).toBe(true);
  expect(pdf).toMatchObject({ filename: 'tickets.pdf', contentDisposition: 'attachment' });
  expect(pdf?.content.equals(binary)).toBe(true);

  const preview = await (await fetch(`${platform.endpoints.ses}/messages/${MessageId}`)).text();
  expect(preview).toContain(`src="data:image/png;base64,${binary.toString('base64')}"`);
  expect((await fetch(`${platform.endpoints.ses}/messages/nothing-like-it`)).status).toBe(404);
});

it('refuses an attachment SES would refuse, naming the field, and stores nothing', async () => {
  const send = (attachment: Record<string, unknown>) =>
    ses.send(
      withAttachments('refused@example.com', [
        { FileName: 'a.png', RawContent: binary, ...attachment },
      ]),
    );
  await expect(send({ ContentDisposition: 'inline' })).rejects.toMatchObject({
    name: 'BadRequestException',
    message: expect.stringContaining('Content.Simple.Attachments.0.ContentDisposition'),
  });
  await expect(send({ ContentId: 'x'.repeat(79) })).rejects.toMatchObject({
    name: 'BadRequestException',
  });
  const { emails } = (await (await fetch(`${platform.endpoints.ses}/store`)).json()) as {
    emails: { destination: { to: string[] } }[];
  };
  expect(emails.filter((e) => e.destination.to.includes('refused@example.com'))).toEqual([]);
});
