import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { credentialsFor, localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrderWithTickets } from './order-snapshot-fixture.ts';

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

interface StoredEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}
const inbox = async (to: string) => {
  const { emails } = (await (await fetch(`${local.endpoints.ses}/store`)).json()) as {
    emails: StoredEmail[];
  };
  return emails.filter((e) => e.destination.to.includes(to));
};

const injectFault = (recipient: string, mode: 'refuse' | 'throttle', times: number) =>
  fetch(`${local.endpoints.edge}/_local/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'ses', mode, recipient, times }),
  });

describe('the order confirmation', () => {
  it('is sent once per order however often the step runs, naming every ticket', async () => {
    const { order, tickets } = paidOrderWithTickets();
    const runs = await Promise.all(
      [1, 2, 3].map(() => invoke('sendOrderConfirmation', { order, tickets })),
    );
    const again = await invoke('sendOrderConfirmation', { order, tickets });

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
      expect(email?.body.html).toContain(t.qr);
    }
  }, 30_000);

  it('throttled by SES: the step fails as transient, the retry sends one email', async () => {
    const { order, tickets } = paidOrderWithTickets();
    await injectFault(order.buyer.email, 'throttle', 10);
    const throttled = await invoke('sendOrderConfirmation', { order, tickets });
    expect(throttled.error?.errorType).toBe('TransientStepError');
    await fetch(`${local.endpoints.edge}/_local/faults`, { method: 'DELETE' });

    expect((await invoke('sendOrderConfirmation', { order, tickets })).result?.status).toBe('sent');
    expect(await inbox(order.buyer.email)).toHaveLength(1);
  }, 30_000);

  it('refused by SES for good: recorded failed, and a re-send delivers exactly one email', async () => {
    const { order, tickets } = paidOrderWithTickets();
    await injectFault(order.buyer.email, 'refuse', 1);
    expect((await invoke('sendOrderConfirmation', { order, tickets })).result).toEqual({
      status: 'failed',
    });
    expect((await invoke('sendOrderConfirmation', { order, tickets })).result).toEqual({
      status: 'failed',
    });
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
    expect(await inbox(order.buyer.email)).toHaveLength(1);
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
