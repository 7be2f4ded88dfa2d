import type { LatencySummary } from './percentiles.ts';
import type { BenchResult } from './run-bench.ts';
import type { UsageCounts } from './usage-counts.ts';

const ms = (n: number) => (Number.isNaN(n) ? '-' : `${Math.round(n)} ms`);
const row = (name: string, s: LatencySummary) =>
  `  ${name.padEnd(34)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.p99).padStart(9)}   (${s.count})`;

const perOrder = (total: number, orders: number) => (total / Math.max(1, orders)).toFixed(2);

/** What an order used, in AWS's billed units: `npm run cost` prices it. */
const usageLines = (u: UsageCounts) => [
  `  per fulfilled order (${u.orders} orders)`,
  `    Lambda invocations ${perOrder(u.lambdaInvocations, u.orders)}, GB-seconds ${perOrder(u.lambdaGbSeconds, u.orders)}`,
  `    API requests ${perOrder(u.apiRequests, u.orders)}, state transitions ${perOrder(u.stateTransitions, u.orders)}, events ${perOrder(u.events, u.orders)}`,
  `    DynamoDB read units ${perOrder(u.dynamodbReads, u.orders)}, write units ${perOrder(u.dynamodbWrites, u.orders)}, emails ${perOrder(u.emails, u.orders)}`,
];

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
    ...(r.usage ? ['', ...usageLines(r.usage)] : []),
    ...(r.errors.length ? ['', '  first errors:', ...r.errors.map((e) => `    ${e}`)] : []),
  ].join('\n');
