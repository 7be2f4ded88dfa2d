import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzApi } from '../../src/fuzz/fuzz-api.ts';
import { fuzzWorld } from '../../src/fuzz/fuzz-world.ts';
import { formatLedger } from '../../src/testing/ledger/ledger-check.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';

/** The fast form of `npm run fuzz`: a few hundred requests, a new seed each run. */
const RUNS = 300;

let local: RepoPlatform;
beforeAll(async () => {
  // The test checks the ledger itself, as part of what it asserts.
  local = await startRepoPlatform({ seed: true, ledger: false });
}, 90_000);
afterAll(() => local?.close());

it(`answers ${RUNS} generated requests over every documented operation as documented, never 5xx`, async () => {
  const report = await fuzzApi(local, await fuzzWorld(local), { runs: RUNS });
  if (report.failure) console.log(JSON.stringify(report, null, 2));
  expect(report.failure).toBeUndefined();
  const answered = (from: number, to: number) =>
    Object.entries(report.statuses)
      .filter(([status]) => Number(status) >= from && Number(status) < to)
      .reduce((sum, [, n]) => sum + n, 0);
  expect(answered(500, 600)).toBe(0);
  // Some requests got through every check: the fuzzer reaches the code behind them.
  expect(answered(200, 300)).toBeGreaterThan(0);
  // Nothing changed that a request was not allowed to change.
  expect(formatLedger(await local.ledger())).toBe('ledger: ok');
}, 300_000);
