import { describe, expect, it } from 'vitest';
import { PermanentEmailError, RefusedForNowError } from '../src/domain/email-errors.ts';
import type { EmailKey, EmailMessage } from '../src/domain/email-message.ts';
import type {
  EmailRecord,
  EmailRecordsPort,
  MailerPort,
  SuppressionsPort,
} from '../src/domain/ports.ts';
import { LEASE_MS, resendFailed, sendOnce } from '../src/domain/send-once.ts';
import type { Suppression } from '../src/domain/suppression.ts';

/** The suppressions port over a Map: the first reason stays, as with the adapter's putOnce. */
const memorySuppressions = (...initial: Suppression[]): SuppressionsPort => {
  const rows = new Map(initial.map((s) => [s.address, s]));
  return {
    find: async (address) => rows.get(address.toLowerCase()),
    record: async (s) => {
      if (rows.has(s.address)) return false;
      rows.set(s.address, s);
      return true;
    },
  };
};

/** The records port over a Map with the same conditions as the DynamoDB adapter. */
const memoryRecords = () => {
  const rows = new Map<string, EmailRecord>();
  const key = ({ orderId, template, fact }: EmailKey) =>
    `${orderId}#${template}${fact ? `#${fact}` : ''}`;
  const port: EmailRecordsPort = {
    find: async (k) => rows.get(key(k)),
    claim: async (r) => {
      const stored = rows.get(key(r));
      if (stored) return { ...stored };
      rows.set(key(r), { ...r });
      return 'claimed';
    },
    retake: async (r, leaseUntil) => {
      const stored = rows.get(key(r));
      if (!stored || stored.status !== r.status || stored.leaseUntil !== r.leaseUntil) return false;
      Object.assign(stored, { status: 'sending', leaseUntil, attempts: stored.attempts + 1 });
      return true;
    },
    releaseLease: async (k, now) => {
      const stored = rows.get(key(k));
      if (stored?.status === 'sending') stored.leaseUntil = now;
    },
    markSent: async (k, messageId) => {
      Object.assign(rows.get(key(k)) ?? {}, { status: 'sent', messageId });
    },
    markFailed: async (k, failure) => {
      Object.assign(rows.get(key(k)) ?? {}, { status: 'failed', failure });
    },
  };
  return { port, rows };
};

const mailer = (outcomes: (string | Error)[]) => {
  const sent: EmailMessage[] = [];
  const port: MailerPort = {
    send: async (message) => {
      const next = outcomes.shift() ?? 'msg-default';
      if (next instanceof Error) throw next;
      sent.push(message);
      return next;
    },
  };
  return { port, sent };
};

const message: EmailMessage = {
  to: 'b@example.com',
  subject: 'S',
  text: 'T',
  html: '<p>H</p>',
  attachments: [],
};
const key = { orderId: 'ord_0001', template: 'order-confirmation' as const, businessId: 'biz_1' };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 25) + ms);

describe('sendOnce', () => {
  it('sends once, then answers already-sent', async () => {
    const records = memoryRecords();
    const ses = mailer(['msg-1']);
    const deps = {
      records: records.port,
      mailer: ses.port,
      suppressions: memorySuppressions(),
      now: at(0),
    };
    expect(await sendOnce(key, message, deps)).toEqual({ status: 'sent', messageId: 'msg-1' });
    expect(await sendOnce(key, message, deps)).toEqual({
      status: 'already-sent',
      messageId: 'msg-1',
    });
    expect(ses.sent).toHaveLength(1);
  });

  it('a throttled send is retried at once; an attempt with unknown outcome waits for its lease', async () => {
    const records = memoryRecords();
    const ses = mailer([new RefusedForNowError('throttled'), new Error('socket hang up'), 'msg-2']);
    const deps = (ms: number) => ({
      records: records.port,
      mailer: ses.port,
      suppressions: memorySuppressions(),
      now: at(ms),
    });
    await expect(sendOnce(key, message, deps(0))).rejects.toThrow(/SES could not send/);
    await expect(sendOnce(key, message, deps(1))).rejects.toMatchObject({
      name: 'TransientStepError',
    });
    // The socket error may have sent it: until the lease ends, nobody sends.
    await expect(sendOnce(key, message, deps(2))).rejects.toThrow(/another attempt/);
    expect(await sendOnce(key, message, deps(2 + LEASE_MS))).toEqual({
      status: 'sent',
      messageId: 'msg-2',
    });
    expect(ses.sent).toHaveLength(1);
    expect(records.rows.get('ord_0001#order-confirmation')?.attempts).toBe(3);
  });

  it('records a permanent refusal, keeps answering failed, and a re-send delivers once', async () => {
    const records = memoryRecords();
    const ses = mailer([new PermanentEmailError('MessageRejected'), 'msg-3']);
    const deps = {
      records: records.port,
      mailer: ses.port,
      suppressions: memorySuppressions(),
      now: at(0),
    };
    expect(await sendOnce(key, message, deps)).toEqual({
      status: 'failed',
      failure: 'MessageRejected',
    });
    expect(await sendOnce(key, message, deps)).toMatchObject({ status: 'failed' });
    expect(await resendFailed(key, deps)).toEqual({
      status: 'sent',
      messageId: 'msg-3',
    });
    expect(await resendFailed(key, deps)).toEqual({
      status: 'already-sent',
      messageId: 'msg-3',
    });
    expect(await resendFailed({ ...key, orderId: 'ord_other' }, deps)).toEqual({
      status: 'not-found',
    });
    expect(ses.sent).toHaveLength(1);
  });

  it('a re-send takes over an email abandoned in `sending` once its lease is over', async () => {
    const records = memoryRecords();
    const ses = mailer([new Error('timeout'), 'msg-4']);
    const deps = (ms: number) => ({
      records: records.port,
      mailer: ses.port,
      suppressions: memorySuppressions(),
      now: at(ms),
    });
    await expect(sendOnce(key, message, deps(0))).rejects.toThrow();
    await expect(resendFailed(key, deps(1))).rejects.toThrow(/another attempt/);
    expect(await resendFailed(key, deps(LEASE_MS + 1))).toEqual({
      status: 'sent',
      messageId: 'msg-4',
    });
    expect(ses.sent).toHaveLength(1);
  });

  it('never hands SES an email to an address that hard-bounced, and answers why', async () => {
    const records = memoryRecords();
    const ses = mailer(['msg-5']);
    const bounced: Suppression = {
      address: 'b@example.com',
      reason: 'bounced',
      detail: 'Permanent/General',
      messageId: 'msg-0',
      feedbackId: 'fb-0',
      at: '2026-11-24T10:00:00.000Z',
    };
    const deps = {
      records: records.port,
      mailer: ses.port,
      suppressions: memorySuppressions(bounced),
      now: at(0),
    };
    const failure =
      'Suppressed: b@example.com bounced (Permanent/General) at 2026-11-24T10:00:00.000Z, message msg-0; it is not mailed again';
    expect(await sendOnce(key, { ...message, to: 'B@Example.com' }, deps)).toEqual({
      status: 'failed',
      failure,
    });
    expect(await resendFailed(key, deps)).toEqual({
      status: 'failed',
      failure,
    });
    expect(records.rows.get('ord_0001#order-confirmation')).toMatchObject({
      status: 'failed',
      failure,
    });
    expect(ses.sent).toHaveLength(0);
  });
});
