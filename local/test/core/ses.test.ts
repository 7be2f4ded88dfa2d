import { CreateEmailTemplateCommand, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
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

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}
const inbox = async () => {
  const response = await fetch(`${platform.endpoints.ses}/store`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
};

it('sends simple, template and raw emails through the edge; the inbox /store shows them', async () => {
  const simple = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'tickets@keeptabs.app',
      Destination: { ToAddresses: ['buyer@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Your tickets' },
          Body: { Text: { Data: 'See you there' } },
        },
      },
    }),
  );
  expect(simple.MessageId).toBeTruthy();
  await ses.send(
    new CreateEmailTemplateCommand({
      TemplateName: 'Confirmation',
      TemplateContent: { Subject: 'Order {{orderId}}', Text: 'Thanks {{name}}' },
    }),
  );
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'tickets@keeptabs.app',
      Destination: { ToAddresses: ['ada@example.com'] },
      Content: {
        Template: {
          TemplateName: 'Confirmation',
          TemplateData: JSON.stringify({ orderId: 'ord_1', name: 'Ada' }),
        },
      },
    }),
  );
  await ses.send(
    new SendEmailCommand({
      Content: {
        Raw: {
          Data: Buffer.from(
            'From: tickets@keeptabs.app\r\nTo: grace@example.com\r\nSubject: Raw receipt\r\n\r\nReceipt attached',
          ),
        },
      },
    }),
  );
  const emails = await inbox();
  expect(emails).toEqual([
    expect.objectContaining({
      messageId: simple.MessageId,
      from: 'tickets@keeptabs.app',
      destination: expect.objectContaining({ to: ['buyer@example.com'] }),
      subject: 'Your tickets',
      body: expect.objectContaining({ text: 'See you there' }),
    }),
    expect.objectContaining({
      subject: 'Order ord_1',
      body: expect.objectContaining({ text: 'Thanks Ada' }),
    }),
    expect.objectContaining({
      destination: expect.objectContaining({ to: ['grace@example.com'] }),
      subject: 'Raw receipt',
      body: expect.objectContaining({ text: 'Receipt attached' }),
    }),
  ]);
});

it("refuses a configuration set the stage does not have, as SES does, and sends with the plan's", async () => {
  const send = (ConfigurationSetName: string) =>
    ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@keeptabs.app',
        Destination: { ToAddresses: ['set@example.com'] },
        ConfigurationSetName,
        Content: { Simple: { Subject: { Data: 'S' }, Body: { Text: { Data: 'T' } } } },
      }),
    );
  await expect(send('mytabs-prod')).rejects.toMatchObject({
    name: 'NotFoundException',
    message: 'Configuration set <mytabs-prod> does not exist.',
  });
  expect((await send(platform.plan.email.configurationSet.name)).MessageId).toBeTruthy();
  expect((await inbox()).filter((e) => e.destination.to.includes('set@example.com'))).toHaveLength(
    1,
  );
});

it('keeps an inbox per platform: a second platform in this process sees none of the first’s emails', async () => {
  const first = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'tickets@keeptabs.app',
      Destination: { ToAddresses: ['first-platform@example.com'] },
      Content: { Simple: { Subject: { Data: 'first' }, Body: { Text: { Data: 'one' } } } },
    }),
  );
  const { platform: second } = await startFixturePlatform();
  try {
    const stored = await fetch(`${second.endpoints.ses}/store`);
    const emails = ((await stored.json()) as { emails: StoredEmail[] }).emails;
    expect(emails.map((e) => e.messageId)).not.toContain(first.MessageId);
    expect(emails).toEqual([]);
    expect((await inbox()).map((e) => e.messageId)).toContain(first.MessageId);
  } finally {
    await second.close();
  }
});
