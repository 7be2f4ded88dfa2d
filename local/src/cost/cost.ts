import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import type { UsageCounts } from '../bench/usage-counts.ts';
import { localPlan } from '../local-plan.ts';
import { repoRoot } from '../testing/repo-platform.ts';
import { estimateCost } from './cost-model.ts';
import { fixedResourcesOf } from './fixed-resources.ts';
import { formatCost } from './format-cost.ts';
import { PRICES } from './prices.ts';

/**
 * `npm run cost [-- --orders-per-month 10000 --bench bench-results/bench-….json]`: the cost per
 * 1,000 orders and per month from the counts the last bench measured (`npm run bench` on its own
 * platform) and the dated price table (local/src/cost/prices.ts).
 */
const { values } = parseArgs({
  options: {
    'orders-per-month': { type: 'string', default: '10000' },
    bench: { type: 'string' },
  },
});
const ordersPerMonth = Number(values['orders-per-month']);
if (!Number.isFinite(ordersPerMonth) || ordersPerMonth < 0) {
  console.error('--orders-per-month takes a number of orders');
  process.exit(2);
}

const latestBench = async () => {
  const dir = join(repoRoot, 'bench-results');
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
  for (const file of files.reverse()) {
    const path = join(dir, file);
    const usage = JSON.parse(await readFile(path, 'utf8')).usage as UsageCounts | undefined;
    if (usage) return { path, usage };
  }
  return undefined;
};

const found = values.bench
  ? {
      path: resolve(process.env.INIT_CWD ?? process.cwd(), values.bench),
      usage: JSON.parse(
        await readFile(resolve(process.env.INIT_CWD ?? process.cwd(), values.bench), 'utf8'),
      ).usage as UsageCounts | undefined,
    }
  : await latestBench();
if (!found?.usage) {
  console.error(
    'No bench result with usage counts: run `npm run bench` (on its own platform) first.',
  );
  process.exit(1);
}
const plan = localPlan(await loadManifests(repoRoot));
const estimate = estimateCost(found.usage, PRICES, fixedResourcesOf(plan), ordersPerMonth);
console.log(formatCost(estimate, found.usage, { source: found.path, prices: PRICES }));
