import type { UsageCounts } from '../bench/usage-counts.ts';
import type { CostEstimate, CostLine } from './cost-model.ts';
import type { Prices } from './prices.ts';

const usd = (n: number) => `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`;
const lines = (items: CostLine[]) =>
  items.map((l) => `    ${l.item.padEnd(30)} ${usd(l.usd).padStart(10)}`);
const each = (total: number, orders: number) => (total / orders).toFixed(2);

/** The estimate as a person reads it, with the counts it came from. */
export const formatCost = (
  e: CostEstimate,
  u: UsageCounts,
  about: { source: string; prices: Prices },
) =>
  [
    `  counts per order (${u.orders} fulfilled orders, ${about.source}):`,
    `    Lambda invocations ${each(u.lambdaInvocations, u.orders)}, GB-seconds ${each(u.lambdaGbSeconds, u.orders)}, API requests ${each(u.apiRequests, u.orders)}`,
    `    state transitions ${each(u.stateTransitions, u.orders)}, events ${each(u.events, u.orders)}, emails ${each(u.emails, u.orders)}`,
    `    DynamoDB read units ${each(u.dynamodbReads, u.orders)}, write units ${each(u.dynamodbWrites, u.orders)}`,
    `  prices: ${about.prices.region}, as of ${about.prices.asOf}`,
    '',
    '  per 1,000 orders',
    ...lines(e.perThousandOrders),
    `    ${'total'.padEnd(30)} ${usd(e.perThousandOrdersTotal).padStart(10)}`,
    '',
    '  fixed, per month',
    ...lines(e.fixedPerMonth),
    `    ${'total'.padEnd(30)} ${usd(e.fixedPerMonthTotal).padStart(10)}`,
    '',
    `  a month of ${e.ordersPerMonth} orders: ${usd(e.perMonthTotal)}`,
  ].join('\n');
