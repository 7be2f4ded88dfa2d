import type { LatencySummary } from './percentiles.ts';
import type { BenchResult } from './run-bench.ts';

const ms = (n: number) => (Number.isNaN(n) ? '-' : `${Math.round(n)} ms`);
const row = (name: string, s: LatencySummary) =>
  `  ${name.padEnd(34)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.p99).padStart(9)}   (${s.count})`;

/** The bench's table, as a person reads it. */
export const formatReport = (r: BenchResult) =>
  [
    `  ${r.outcomes.fulfilled} fulfilled, ${r.outcomes.soldOut} sold out, ${r.outcomes.otherStatus} other status, ${r.outcomes.errors} errors in ${r.durationS.toFixed(1)} s`,
    `  checkouts/s                        ${r.checkoutsPerS.toFixed(2)}`,
    ...(r.process
      ? [
          `  CPU-seconds per checkout           ${r.process.cpuSPerCheckout.toFixed(3)} (${r.process.coresBusy.toFixed(2)} cores busy, ${Math.round(r.process.mainThreadShare * 100)} % on the main thread)`,
          `  resident memory after the run      ${Math.round(r.process.rssMb)} MB`,
        ]
      : []),
    '',
    `  ${'latency'.padEnd(34)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}   (n)`,
    row('POST /payments/calculate-tax', r.latencyMs.calculateTax),
    row('POST /payments/createPaymentIntent', r.latencyMs.createPaymentIntent),
    row('payment confirmed -> FULFILLED', r.latencyMs.paymentToFulfilled),
    '',
    `  oversold seats     ${r.integrity.oversoldSeats}`,
    `  duplicate tickets  ${r.integrity.duplicateTickets}`,
    `  duplicate emails   ${r.integrity.duplicateEmails}`,
    `  missing emails     ${r.integrity.missingEmails}`,
    `  availability >= 0  ${r.integrity.availableNeverNegative ? 'yes' : 'NO'}`,
    ...(r.errors.length ? ['', '  first errors:', ...r.errors.map((e) => `    ${e}`)] : []),
  ].join('\n');
