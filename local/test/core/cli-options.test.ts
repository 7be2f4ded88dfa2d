import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli-options.ts';

const ports = { edge: { envVar: 'MYTABS_EDGE_PORT', description: 'edge', default: 4566 } };
const parse = (...argv: string[]) => parseCli(argv, { INIT_CWD: '/home/me' }, '/repo', ports);

describe('npm start options', () => {
  it('leaves the workers per function to the platform unless told', () => {
    expect(parse().workersPerFunction).toBeUndefined();
    expect(parse('--workers-per-function', '2').workersPerFunction).toBe(2);
  });

  it('traces unless --no-tracing', () => {
    expect(parse().tracing).toBe(true);
    expect(parse('--no-tracing').tracing).toBe(false);
  });

  it.each(['0', '-1', '1.5', 'two', '1000'])(
    'refuses --workers-per-function %s in one line',
    (n) => {
      expect(() => parse('--workers-per-function', n)).toThrow(UsageError);
      expect(() => parse('--workers-per-function', n)).toThrow(/--workers-per-function/);
    },
  );

  it('takes faults, each ending after its calls or its time (five minutes unless told)', () => {
    expect(
      parse(
        '--fault',
        'function=orders.markPaid,times=3',
        '--fault',
        'ses=throttle,for=10m,recipient=a@example.com',
        '--fault',
        'stripe=5xx,status=503,for=30s',
        '--fault',
        'dynamodb=mytabs-local-orders,for=90',
        '--fault',
        'function=ticketing.issueTickets,mode=kill,times=1,matching=ord_123',
      ).faults,
    ).toEqual([
      {
        kind: 'function',
        function: 'orders.markPaid',
        errorType: 'InjectedFault',
        times: 3,
        seconds: 300,
      },
      { kind: 'ses', mode: 'throttle', recipient: 'a@example.com', seconds: 600 },
      { kind: 'stripe', mode: '5xx', status: 503, seconds: 30 },
      { kind: 'dynamodb', table: 'mytabs-local-orders', seconds: 90 },
      {
        kind: 'function',
        function: 'ticketing.issueTickets',
        errorType: 'InjectedFault',
        mode: 'kill',
        matching: 'ord_123',
        times: 1,
        seconds: 300,
      },
    ]);
    expect(parse().faults).toEqual([]);
  });

  it.each([
    ['lambda=orders.markPaid', /begins with function=NAME/],
    ['ses=explode', /mode/],
    ['stripe=5xx,status=404', /status/],
    ['function=orders.markPaid,times=0', /times/],
    ['function=orders.markPaid,for=2d', /seconds/],
    ['dynamodb=t,retries=3', /retries=3 is not an option/],
    ['function=orders.markPaid,mode=crash', /mode/],
  ])('refuses --fault %s in one line naming what is wrong', (spec, reason) => {
    expect(() => parse('--fault', spec)).toThrow(UsageError);
    expect(() => parse('--fault', spec)).toThrow(reason);
  });

  it('takes relative paths from where npm start was typed', () => {
    expect(parse('--data-dir', 'data').dataDir).toBe('/home/me/data');
  });
});
