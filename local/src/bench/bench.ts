import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { localEndpoints } from '../shopper/local-endpoints.ts';
import { repoRoot, startRepoPlatform } from '../testing/repo-platform.ts';
import { formatReport } from './format-report.ts';
import { benchPassed, runBench } from './run-bench.ts';

/**
 * `npm run bench [-- --buyers 200 --quantity 1 --flash-sale --seats N --no-tracing --target local]`: N
 * concurrent buyers through the whole flow on a platform of its own (free ports), or on a running
 * `npm start` with `--target local`. Prints a table, writes the numbers as JSON, and exits non-zero
 * if anything was oversold, duplicated or left unsent.
 */
const { values } = parseArgs({
  options: {
    buyers: { type: 'string', default: '200' },
    quantity: { type: 'string', default: '1' },
    seats: { type: 'string' },
    'flash-sale': { type: 'boolean', default: false },
    'no-tracing': { type: 'boolean', default: false },
    target: { type: 'string' },
    out: { type: 'string' },
  },
});
const buyers = Number(values.buyers);
const quantity = Number(values.quantity);
const seats = values.seats
  ? Number(values.seats)
  : values['flash-sale']
    ? Math.floor((buyers * quantity) / 2)
    : buyers * quantity;
if (![buyers, quantity, seats].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--buyers, --quantity and --seats take positive whole numbers');
  process.exit(2);
}

const own =
  values.target === 'local'
    ? undefined
    : await startRepoPlatform({ tracing: !values['no-tracing'], ledger: false });
const endpoints = own?.endpoints ?? localEndpoints();
console.error(
  `Bench: ${buyers} buyers × ${quantity} ticket(s) for ${seats} seats on ${own ? `its own platform, tracing ${values['no-tracing'] ? 'off' : 'on'}` : endpoints.api}`,
);
let lastTenth = -1;
/** A bar redrawn in place on a terminal; a line per tenth of the run anywhere else (CI, a file). */
const bar = (done: number, total: number, failed: number) => {
  const status = `${done}/${total}${failed ? `, ${failed} failed` : ''}`;
  if (!process.stderr.isTTY) {
    const tenth = Math.floor((done / total) * 10);
    if (tenth > lastTenth) process.stderr.write(`  ${status}\n`);
    lastTenth = tenth;
    return;
  }
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status}`);
};
try {
  const result = await runBench({
    buyers,
    seats,
    quantity,
    endpoints,
    manifests: await loadManifests(repoRoot),
    platformInProcess: own !== undefined,
    ...(own && { lines: own.lines }),
    onProgress: ({ done, total, failed }) => bar(done, total, failed),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(formatReport(result));
  const dir = resolve(repoRoot, 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = values.out
    ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
    : join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(`Numbers written to ${file}`);
  process.exitCode = benchPassed(result) ? 0 : 1;
} finally {
  await own?.close();
}
