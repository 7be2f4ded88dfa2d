/**
 * AWS list prices in USD for us-east-1, arm64 functions, as AWS's public pricing pages gave them
 * on `asOf`; the first tier of each (a stage of ours is far from the next one), no free tier.
 * Prices move: re-read the pages and change the date with them.
 */
export const PRICES = {
  asOf: '2026-12-02',
  region: 'us-east-1',
  lambda: { perMillionRequests: 0.2, perGbSecond: 0.0000133334 },
  apiGateway: { perMillionRestRequests: 3.5 },
  stepFunctions: { perThousandStateTransitions: 0.025 },
  eventBridge: { perMillionCustomEvents: 1 },
  dynamodb: { perMillionReadUnits: 0.125, perMillionWriteUnits: 0.625 },
  ses: { perThousandEmails: 0.1 },
  cloudWatch: {
    perDashboardMonth: 3,
    perAlarmMetricMonth: 0.1,
    perCustomMetricMonth: 0.3,
  },
  secretsManager: { perSecretMonth: 0.4 },
  waf: { perWebAclMonth: 5, perRuleMonth: 1 },
  /** Health checks at the non-AWS endpoint rate with HTTPS (an upper bound for ours). */
  route53: { perHostedZoneMonth: 0.5, perHealthCheckMonth: 0.75, perHttpsHealthCheckMonth: 2 },
} as const;
export type Prices = typeof PRICES;
