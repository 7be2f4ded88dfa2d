import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchPassed, runBench } from '../../src/bench/run-bench.ts';
import { type RepoPlatform, repoRoot, startRepoPlatform } from '../../src/testing/repo-platform.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
}, 90_000);
afterAll(() => local?.close());

it('a flash sale of 20 buyers for 12 seats sells 12, refuses 8, and oversells or duplicates nothing', async () => {
  const result = await runBench({
    buyers: 20,
    seats: 12,
    quantity: 1,
    endpoints: local.endpoints,
    manifests: await loadManifests(repoRoot),
  });
  expect(result.errors).toEqual([]);
  expect(result.outcomes).toEqual({ fulfilled: 12, soldOut: 8, otherStatus: 0, errors: 0 });
  expect(result.integrity).toEqual({
    oversoldSeats: 0,
    duplicateTickets: 0,
    duplicateEmails: 0,
    missingEmails: 0,
    availableNeverNegative: true,
  });
  expect(result.latencyMs.paymentToFulfilled.count).toBe(12);
  expect(benchPassed(result)).toBe(true);
}, 240_000);
