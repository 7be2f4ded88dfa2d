import { parseArgs } from 'node:util';
import { formatLedger } from '../testing/ledger/ledger-check.ts';
import { startRepoPlatform } from '../testing/repo-platform.ts';
import { fuzzApi } from './fuzz-api.ts';
import { fuzzWorld } from './fuzz-world.ts';

/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the long form of the API fuzz test, against a seeded
 * platform of its own. Prints the answers by status and the ledger check once the platform is
 * quiet (nothing a request was not allowed to change changed: seats, tickets, emails, facts);
 * exits 1 with the shrunk request (and the seed that finds it again) when a rule is broken, or
 * with the ledger's breaks.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } },
});
const runs = Number(values.runs);
const local = await startRepoPlatform({ seed: true, ledger: false });
const started = Date.now();
try {
  const report = await fuzzApi(local, await fuzzWorld(local), {
    runs,
    ...(values.seed !== undefined && { seed: Number(values.seed) }),
    onProgress: (done) => {
      if (done % 500 === 0) process.stderr.write(`${done} requests\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${report.requests} requests over ${report.operations} operations × ${report.callers} kinds of caller in ${seconds} s (seed ${report.seed})`,
  );
  console.log(`answers by status: ${JSON.stringify(report.statuses)}`);
  if (report.failure) {
    console.log(`BROKEN: ${report.failure.rule}\n${report.failure.request}`);
    console.log(`again: npm run fuzz -- --runs ${runs} --seed ${report.failure.seed}`);
    process.exitCode = 1;
  }
  const breaks = await local.ledger();
  console.log(formatLedger(breaks));
  if (breaks.length > 0) process.exitCode = 1;
} finally {
  await local.close();
}
