import { parseArgs } from 'node:util';
import { startRepoPlatform } from '@mytabs/local';
import { formatDrill } from './format-drill.ts';
import { runDrill } from './run-drill.ts';

/**
 * `npm run drill [-- --orders 50 --json]`: the recovery runbook rehearsed on a platform of its
 * own. Exits non-zero if any order was left unrecovered or anything was duplicated.
 */
const { values } = parseArgs({
  options: { orders: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } },
});
const orders = Number(values.orders);
if (!Number.isInteger(orders) || orders < 1) {
  console.error('--orders takes a positive whole number');
  process.exit(2);
}
const local = await startRepoPlatform({ ledger: false });
try {
  const report = await runDrill(local, { orders, log: (line) => console.error(line) });
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatDrill(report)}\n`,
  );
  process.exitCode = report.passed ? 0 : 1;
} finally {
  await local.close();
}
