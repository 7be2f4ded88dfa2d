import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { credentialsFor, localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';
import { calendar, inbox as inboxAt, pdfPageImages, pdfPages, scanQr } from './received-email.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
}, 60_000);
afterAll(() => local?.close());

/** Calls a notifications function as `caller` would (`orders` for the workflow's steps). */
const invoke = async (fn: string, payload: unknown, caller = 'orders.test') => {
  const lambda = new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor(caller),
  });
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: localNames.function('notifications', fn),
      Payload: Buffer.from(JSON.stringify(payload)),
    }),
  );
  const body = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8') || 'null');
  return out.FunctionError ? { error: body as { errorType: string } } : { result: body };
};

const inbox = (to: string) => inboxAt(local.endpoints.ses, to);

const injectFault = (recipient: string, mode: 'refuse' | 'throttle', times: number) =>
  fetch(`${local.endpoints.edge}/_local/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'ses', mode, recipient, times }),
  });

describe('the order confirmation', () => {
  it('is sent once per order however often the step runs, naming every ticket', async () => {
    const { order, tickets, event } = paidOrderWithTickets();
    const runs = await Promise.all(
      [1, 2, 3].map(() => invoke('sendOrderConfirmation', { order, tickets, event })),
    );
    const again = await invoke('sendOrderConfirmation', { order, tickets, event });

    const outcomes = [...runs, again].map((r) => r.result?.status ?? r.error?.errorType);
    expect(outcomes.filter((s) => s === 'sent')).toHaveLength(1);
    expect(again.result?.status).toBe('already-sent');
    const emails = await inbox(order.buyer.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.from).toMatch(/^noreply@/);
    for (const t of tickets) {
      expect(email?.body.text).toContain(t.ticketId);
      expect(email?.body.text).toContain(t.qr);
    }
  }, 30_000);

  it('reads, as a mail client shows it, with the event in its time zone, a scannable QR per ticket, a PDF and a calendar entry', async () => {
    const { order, tickets, event } = paidOrderWithTickets();
    expect((await invoke('sendOrderConfirmation', { order, tickets, event })).result?.status).toBe(
      'sent',
    );
    const [email] = await inbox(order.buyer.email);
    const when = 'Friday, January 15, 2027 at 8:30 PM GMT+1 (Europe/Paris)';
    expect(email?.subject).toBe('Your tickets for Winter Lights & <Friends>');
    expect(email?.body.text).toContain(when);
    expect(email?.body.html).toContain(when);
    expect(email?.body.html).toContain('La Cigale');
    expect(email?.body.text).toMatch(
      new RegExp(
        `Your order: https://ticket\\.keeptabs\\.app/orders/${order.orderId}\\?token=[\\w.-]+`,
      ),
    );

    // The link still opens the order a week after the event (it ends 3 hours after it starts).
    const token = /\?token=([\w.-]+)/.exec(email?.body.text ?? '')?.[1] ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(new Date(claims.exp * 1000).toISOString()).toBe('2027-01-22T22:30:00.000Z');

    const files = email?.attachments ?? [];
    const images = files.filter((f) => f.contentType === 'image/png');
    expect(images).toHaveLength(tickets.length);
    for (const image of images) {
      expect(image.contentDisposition).toBe('INLINE');
      expect(email?.body.html).toContain(`src="cid:${image.contentId}"`);
    }
    expect(images.map((i) => scanQr(i.content))).toEqual(tickets.map((t) => t.qr));

    const pdf = files.find((f) => f.contentType === 'application/pdf');
    expect(pdf).toMatchObject({
      contentDisposition: 'ATTACHMENT',
      filename: `tickets-${order.orderId}.pdf`,
    });
    const pages = await pdfPages(pdf?.content ?? '');
    expect(pages).toHaveLength(tickets.length);
    tickets.forEach((t, i) => {
      expect(pages[i]).toContain(t.ticketId);
      expect(pages[i]).toContain(t.attendee.name);
    });
    const printed = await pdfPageImages(pdf?.content ?? '');
    expect(printed.map(scanQr)).toEqual(tickets.map((t) => t.qr));

    const ics = files.find((f) => f.filename === 'event.ics');
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    const { parsed, events } = calendar(ics?.content ?? '');
    expect(events).toHaveLength(1);
    const [entry] = events;
    expect(entry?.summary).toBe(event.name);
    expect(entry?.start.toISOString()).toBe(event.startsAt);
    expect(entry?.end?.toISOString()).toBe('2027-01-15T22:30:00.000Z');
    expect(entry?.location).toContain('120 Boulevard de Rochechouart');
    expect(parsed.vcalendar?.['WR-TIMEZONE']).toBe('Europe/Paris');
  }, 30_000);

  it('throttled by SES: the step fails as transient, the retry sends one email', async () => {
    const { order, tickets, event } = paidOrderWithTickets();
    await injectFault(order.buyer.email, 'throttle', 10);
    const throttled = await invoke('sendOrderConfirmation', { order, tickets, event });
    expect(throttled.error?.errorType).toBe('TransientStepError');
    await fetch(`${local.endpoints.edge}/_local/faults`, { method: 'DELETE' });

    expect((await invoke('sendOrderConfirmation', { order, tickets, event })).result?.status).toBe(
      'sent',
    );
    expect(await inbox(order.buyer.email)).toHaveLength(1);
  }, 30_000);

  it('refused by SES for good: recorded failed, and a re-send delivers exactly one email', async () => {
    const { order, tickets, event } = paidOrderWithTickets();
    await injectFault(order.buyer.email, 'refuse', 1);
    // The step says why, and keeps saying it: SES's refusal, recorded.
    const refused = {
      status: 'failed',
      failure: expect.stringMatching(/^MessageRejected: Email rejected/),
    };
    expect((await invoke('sendOrderConfirmation', { order, tickets, event })).result).toEqual(
      refused,
    );
    expect((await invoke('sendOrderConfirmation', { order, tickets, event })).result).toEqual(
      refused,
    );
    expect(await inbox(order.buyer.email)).toHaveLength(0);

    const resend = { orderId: order.orderId, template: 'order-confirmation' };
    const operator = 'notifications.operator';
    expect((await invoke('resendEmail', resend, operator)).result).toMatchObject({
      status: 'sent',
    });
    expect((await invoke('resendEmail', resend, operator)).result).toMatchObject({
      status: 'already-sent',
    });
    await expect(invoke('resendEmail', resend)).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    const resent = await inbox(order.buyer.email);
    expect(resent).toHaveLength(1);
    expect(resent[0]?.attachments.filter((f) => f.contentType === 'image/png')).toHaveLength(
      tickets.length,
    );
  }, 30_000);
});

describe('the order failed email', () => {
  it('is sent once, with the refund', async () => {
    const { order } = paidOrderWithTickets();
    const refund = { amount: order.amount, currency: order.currency };
    expect((await invoke('sendOrderFailed', { order, refund })).result?.status).toBe('sent');
    expect((await invoke('sendOrderFailed', { order, refund })).result?.status).toBe(
      'already-sent',
    );
    const emails = await inbox(order.buyer.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.body.text).toContain('refunded $222.49');
  }, 30_000);
});
