import { describe, expect, it } from 'vitest';
import { ask, type CheckResult, whyItFailed } from '../../src/preflight/finding.ts';
import { blocksOrders, formatReport } from '../../src/preflight/report.ts';

const HEADING = { stage: 'prod', region: 'us-east-1', domain: 'keeptabs.app' };
const passed: CheckResult = {
  check: 'hosted-zone',
  ok: 'public hosted zone keeptabs.app.',
  findings: [],
};
const warned: CheckResult = {
  check: 'ses',
  ok: 'unused',
  findings: [
    {
      check: 'ses',
      subject: 'keeptabs.app',
      problem: 'DKIM is PENDING',
      todo: 'publish the DKIM records',
      blocking: false,
    },
  ],
};
const blocked: CheckResult = {
  check: 'secrets',
  ok: 'unused',
  findings: [
    {
      check: 'secrets',
      subject: 'mytabs/prod/payments/stripe-secret-key',
      problem: 'not created',
      todo: 'deploy the stack first (MyTabs-Prod-Payments)',
      blocking: true,
    },
  ],
};

describe('formatReport', () => {
  it('says per line what is wrong and what to do, and sums up', () => {
    expect(formatReport(HEADING, [blocked, warned, passed])).toBe(
      [
        'Preflight of the stage prod (region us-east-1, domain keeptabs.app)',
        '',
        'BLOCKS secrets      mytabs/prod/payments/stripe-secret-key: not created → deploy the stack first (MyTabs-Prod-Payments)',
        'WARN   ses          keeptabs.app: DKIM is PENDING → publish the DKIM records',
        'ok     hosted-zone  public hosted zone keeptabs.app.',
        '',
        '1 problem to fix before the first order of prod, 1 warning.',
        '',
      ].join('\n'),
    );
  });

  it('says nothing blocks when only warnings remain, and where the calls went', () => {
    const report = formatReport({ ...HEADING, endpoint: 'http://127.0.0.1:4566' }, [
      warned,
      passed,
    ]);
    expect(report).toContain('calls to http://127.0.0.1:4566');
    expect(report).toContain('Nothing blocks taking orders on prod (1 warning).');
  });
});

describe('blocksOrders', () => {
  it('is true only with a blocking finding', () => {
    expect(blocksOrders([passed, warned])).toBe(false);
    expect(blocksOrders([passed, warned, blocked])).toBe(true);
  });
});

describe('ask and whyItFailed', () => {
  const failing = (error: unknown) => () => Promise.reject(error);
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('turns "there is none" into undefined and any other failure into why', async () => {
    expect(await ask(failing(named('NotFoundException', 'nope')), ['NotFoundException'])).toBe(
      undefined,
    );
    expect(await ask(failing(named('AccessDeniedException', 'not\n authorized')))).toEqual({
      couldNotCheck: 'AccessDeniedException: not authorized',
    });
    expect(await ask(() => Promise.resolve(42))).toBe(42);
  });

  it('says why a connection failed, even from an AggregateError with no message', () => {
    const refused = (port: number) =>
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED' });
    expect(whyItFailed(new AggregateError([refused(1), refused(2)], ''))).toBe(
      'AggregateError: connect ECONNREFUSED 127.0.0.1:1; connect ECONNREFUSED 127.0.0.1:2',
    );
    expect(whyItFailed(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
    expect(
      whyItFailed(
        new SyntaxError(
          "Unexpected token '<'. Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
        ),
      ),
    ).toBe("SyntaxError: Unexpected token '<'.");
    expect(whyItFailed('x'.repeat(400))).toHaveLength(301);
    expect(whyItFailed(new Error('y'.repeat(400)))).toHaveLength(301);
  });
});
