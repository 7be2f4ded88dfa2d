import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli-options.ts';

const ports = { edge: { envVar: 'MYTABS_EDGE_PORT', description: 'edge', default: 4566 } };
const parse = (...argv: string[]) => parseCli(argv, { INIT_CWD: '/home/me' }, '/repo', ports);

describe('npm start options', () => {
  it('leaves the workers per function to the platform unless told', () => {
    expect(parse().workersPerFunction).toBeUndefined();
    expect(parse('--workers-per-function', '2').workersPerFunction).toBe(2);
  });

  it.each(['0', '-1', '1.5', 'two', '1000'])(
    'refuses --workers-per-function %s in one line',
    (n) => {
      expect(() => parse('--workers-per-function', n)).toThrow(UsageError);
      expect(() => parse('--workers-per-function', n)).toThrow(/--workers-per-function/);
    },
  );

  it('takes relative paths from where npm start was typed', () => {
    expect(parse('--data-dir', 'data').dataDir).toBe('/home/me/data');
  });
});
