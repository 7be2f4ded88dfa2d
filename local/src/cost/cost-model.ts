import type { UsageCounts } from '../bench/usage-counts.ts';
import type { Prices } from './prices.ts';

/** What exists whatever the orders: billed by the month. */
export interface FixedResources {
  dashboards: number;
  /** Metrics the alarms watch (a metric-math alarm pays for each metric in it). */
  alarmMetrics: number;
  /** Metrics the services publish (EMF), each a custom metric per dimension set. */
  customMetrics: number;
  secrets: number;
  webAcls: number;
  /** Rules over every web ACL. */
  webAclRules: number;
  hostedZones: number;
  /** HTTPS health checks (Route 53). */
  healthChecks: number;
}

export interface CostLine {
  item: string;
  /** USD per 1,000 orders (usage) or per month (fixed). */
  usd: number;
}

export interface CostEstimate {
  /** Each usage item for 1,000 orders. */
  perThousandOrders: CostLine[];
  perThousandOrdersTotal: number;
  fixedPerMonth: CostLine[];
  fixedPerMonthTotal: number;
  ordersPerMonth: number;
  perMonthTotal: number;
}

const sum = (lines: CostLine[]) => lines.reduce((total, line) => total + line.usd, 0);

/**
 * The cost of orders from the counts a bench measured and a price table: per 1,000 orders item
 * by item, then a month at `ordersPerMonth` with the fixed resources added. Computation only.
 */
export const estimateCost = (
  counts: UsageCounts,
  prices: Prices,
  fixed: FixedResources,
  ordersPerMonth: number,
): CostEstimate => {
  if (counts.orders <= 0) throw new Error('the counts cover no fulfilled order');
  const perThousand = (total: number) => (total / counts.orders) * 1000;
  const perThousandOrders: CostLine[] = [
    {
      item: 'Lambda requests',
      usd: (perThousand(counts.lambdaInvocations) / 1e6) * prices.lambda.perMillionRequests,
    },
    {
      item: 'Lambda duration',
      usd: perThousand(counts.lambdaGbSeconds) * prices.lambda.perGbSecond,
    },
    {
      item: 'API Gateway requests',
      usd: (perThousand(counts.apiRequests) / 1e6) * prices.apiGateway.perMillionRestRequests,
    },
    {
      item: 'Step Functions transitions',
      usd:
        (perThousand(counts.stateTransitions) / 1000) *
        prices.stepFunctions.perThousandStateTransitions,
    },
    {
      item: 'EventBridge events',
      usd: (perThousand(counts.events) / 1e6) * prices.eventBridge.perMillionCustomEvents,
    },
    {
      item: 'DynamoDB reads',
      usd: (perThousand(counts.dynamodbReads) / 1e6) * prices.dynamodb.perMillionReadUnits,
    },
    {
      item: 'DynamoDB writes',
      usd: (perThousand(counts.dynamodbWrites) / 1e6) * prices.dynamodb.perMillionWriteUnits,
    },
    { item: 'SES emails', usd: (perThousand(counts.emails) / 1000) * prices.ses.perThousandEmails },
  ];
  const fixedPerMonth: CostLine[] = [
    { item: 'CloudWatch dashboards', usd: fixed.dashboards * prices.cloudWatch.perDashboardMonth },
    { item: 'CloudWatch alarms', usd: fixed.alarmMetrics * prices.cloudWatch.perAlarmMetricMonth },
    {
      item: 'CloudWatch custom metrics',
      usd: fixed.customMetrics * prices.cloudWatch.perCustomMetricMonth,
    },
    { item: 'Secrets Manager secrets', usd: fixed.secrets * prices.secretsManager.perSecretMonth },
    {
      item: 'WAF web ACLs and rules',
      usd: fixed.webAcls * prices.waf.perWebAclMonth + fixed.webAclRules * prices.waf.perRuleMonth,
    },
    {
      item: 'Route 53 zone and health checks',
      usd:
        fixed.hostedZones * prices.route53.perHostedZoneMonth +
        fixed.healthChecks *
          (prices.route53.perHealthCheckMonth + prices.route53.perHttpsHealthCheckMonth),
    },
  ];
  const perThousandOrdersTotal = sum(perThousandOrders);
  const fixedPerMonthTotal = sum(fixedPerMonth);
  return {
    perThousandOrders,
    perThousandOrdersTotal,
    fixedPerMonth,
    fixedPerMonthTotal,
    ordersPerMonth,
    perMonthTotal: (perThousandOrdersTotal * ordersPerMonth) / 1000 + fixedPerMonthTotal,
  };
};
