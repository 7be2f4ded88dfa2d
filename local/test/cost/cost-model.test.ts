import { expect, it } from 'vitest';
import type { UsageCounts } from '../../src/bench/usage-counts.ts';
import { estimateCost, type FixedResources } from '../../src/cost/cost-model.ts';
import { PRICES } from '../../src/cost/prices.ts';

/** 100 orders, each: 30 invocations, 2 GB-s, 8 API requests, 7 transitions, 7 events, ... */
const counts: UsageCounts = {
  orders: 100,
  lambdaInvocations: 3000,
  lambdaGbSeconds: 200,
  apiRequests: 800,
  stateTransitions: 700,
  events: 700,
  dynamodbReads: 2500,
  dynamodbWrites: 4000,
  emails: 100,
};
const fixed: FixedResources = {
  dashboards: 1,
  alarmMetrics: 100,
  customMetrics: 10,
  secrets: 4,
  webAcls: 2,
  webAclRules: 6,
  hostedZones: 1,
  healthChecks: 4,
};

it('prices 1,000 orders item by item from the counts and the price table', () => {
  const e = estimateCost(counts, PRICES, fixed, 10_000);
  const byItem = Object.fromEntries(e.perThousandOrders.map((l) => [l.item, l.usd]));
  // 30,000 invocations at $0.20 per million.
  expect(byItem['Lambda requests']).toBeCloseTo(0.006, 10);
  // 2,000 GB-s at $0.0000133334.
  expect(byItem['Lambda duration']).toBeCloseTo(0.0266668, 10);
  // 8,000 requests at $3.50 per million.
  expect(byItem['API Gateway requests']).toBeCloseTo(0.028, 10);
  // 7,000 transitions at $0.025 per thousand.
  expect(byItem['Step Functions transitions']).toBeCloseTo(0.175, 10);
  expect(byItem['EventBridge events']).toBeCloseTo(0.007, 10);
  // 25,000 read units at $0.125 and 40,000 write units at $0.625 per million.
  expect(byItem['DynamoDB reads']).toBeCloseTo(0.003125, 10);
  expect(byItem['DynamoDB writes']).toBeCloseTo(0.025, 10);
  expect(byItem['SES emails']).toBeCloseTo(0.1, 10);
  expect(e.perThousandOrdersTotal).toBeCloseTo(0.3707918, 8);
});

it('adds the fixed resources once a month to the orders of the month', () => {
  const e = estimateCost(counts, PRICES, fixed, 10_000);
  // $3 + 100 × $0.10 + 10 × $0.30 + 4 × $0.40 + (2 × $5 + 6 × $1) + ($0.50 + 4 × $2.75).
  expect(e.fixedPerMonthTotal).toBeCloseTo(3 + 10 + 3 + 1.6 + 16 + 11.5, 10);
  expect(e.perMonthTotal).toBeCloseTo(e.perThousandOrdersTotal * 10 + e.fixedPerMonthTotal, 10);
  expect(estimateCost(counts, PRICES, fixed, 0).perMonthTotal).toBeCloseTo(e.fixedPerMonthTotal);
});

it('refuses counts that cover no order', () => {
  expect(() => estimateCost({ ...counts, orders: 0 }, PRICES, fixed, 1000)).toThrow(/no fulfilled/);
});
