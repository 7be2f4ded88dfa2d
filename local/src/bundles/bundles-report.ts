import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { buildFunctionBundles } from '../lambda/function-bundles.ts';
import { localPlan } from '../local-plan.ts';
import { repoRoot } from '../testing/repo-platform.ts';

/**
 * `npm run bundles`: every function's bundle as it deploys, its size, and how long a fresh Node
 * process takes to import it (the heart of a cold start), largest first, with the medians.
 */
const IMPORT_RUNS = 3;

/** Milliseconds to import a module in a new process: the median of a few runs. */
const importMs = (file: string) => {
  const runs = Array.from({ length: IMPORT_RUNS }, () =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`,
        ],
        { env: { ...process.env, POWERTOOLS_TRACE_ENABLED: 'false' } },
      ),
    ),
  ).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] as number;
};

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const plan = localPlan(await loadManifests(repoRoot));
const built = await buildFunctionBundles(
  plan.functions.map((f) => ({ name: f.name, entry: f.entry })),
);
const rows = [...built.bundles].map(([name, file]) => ({
  name,
  kb: statSync(file).size / 1024,
  ms: importMs(file),
}));
rows.sort((a, b) => b.kb - a.kb);
console.log(
  `Node ${process.version}; ${rows.length} bundles (${built.reused ? 'reused' : 'built'})`,
);
console.log(`${'function'.padEnd(52)} ${'KB'.padStart(7)} ${'import ms'.padStart(10)}`);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(52)} ${row.kb.toFixed(0).padStart(7)} ${row.ms.toFixed(0).padStart(10)}`,
  );
}
console.log(
  `${'median'.padEnd(52)} ${median(rows.map((r) => r.kb))
    .toFixed(0)
    .padStart(7)} ${median(rows.map((r) => r.ms))
    .toFixed(0)
    .padStart(10)}`,
);
await built.dispose();
