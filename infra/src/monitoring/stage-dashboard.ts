import type { Plan } from '@mytabs/plan';
import { Duration } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { awsMetric, FIVE_MINUTES } from './aws-metric.ts';
import { cacheHitRate, type MonitoredDistribution, originErrorRate } from './cloudfront-metrics.ts';
import { serviceMetric } from './service-metric.ts';

/** The order funnel, top to bottom: each step counted by the service that makes it happen, once. */
export const FUNNEL = [
  { service: 'payments', metric: 'QuotesCalculated' },
  { service: 'payments', metric: 'PaymentIntentsCreated' },
  { service: 'orders', metric: 'OrdersPaid' },
  { service: 'orders', metric: 'OrdersFulfilled' },
  { service: 'orders', metric: 'OrdersFailed' },
  { service: 'orders', metric: 'OrdersRefunded' },
] as const;

const aws =
  (namespace: string, metricName: string, dimensionsMap: Record<string, string>) =>
  (statistic = 'Sum', label?: string) =>
    awsMetric(namespace, metricName, dimensionsMap, statistic, label);

/** Every function of the stage at once, found by name prefix (one line each). */
const everyFunction = (prefix: string, metricName: string) =>
  new MathExpression({
    expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}" FunctionName="${prefix}-"', 'Sum', 300)`,
    usingMetrics: {},
    label: '',
    period: FIVE_MINUTES,
  });

const graph = (title: string, left: IMetric[], width = 12) =>
  new GraphWidget({ title, left, width, height: 6 });

export interface StageDashboardProps {
  dashboardName: string;
  plan: Plan;
  prefix: string;
  distributions: MonitoredDistribution[];
}

/** One dashboard of the stage: the funnel first, then each part of the system, from the plan. */
export const stageDashboard = (
  scope: Construct,
  id: string,
  { dashboardName, plan, prefix, distributions }: StageDashboardProps,
) => {
  const ns = plan.metricsNamespace;
  const api = (metricName: string) =>
    aws('AWS/ApiGateway', metricName, { ApiName: plan.api.name, Stage: 'prod' });
  const ses = (metricName: string) => aws('AWS/SES', metricName, {});
  const dashboard = new Dashboard(scope, id, { dashboardName, defaultInterval: Duration.days(1) });
  dashboard.addWidgets(
    new TextWidget({
      markdown: `# MyTabs ${plan.stage}\nAlarms answer in docs/runbooks/recovery.md.`,
      width: 24,
      height: 2,
    }),
  );
  dashboard.addWidgets(
    graph(
      'Order funnel',
      FUNNEL.map(({ service, metric }) =>
        serviceMetric(ns, service, metric).with({ label: metric }),
      ),
    ),
    graph('Orders paid, not fulfilled after 15 min', [
      serviceMetric(ns, 'orders', 'OrdersPaidNotFulfilled', 'Maximum'),
    ]),
  );
  dashboard.addWidgets(
    graph('API latency (ms)', [api('Latency')('p50', 'p50'), api('Latency')('p99', 'p99')]),
    graph('API errors', [api('4XXError')('Sum', '4XX'), api('5XXError')('Sum', '5XX')]),
  );
  dashboard.addWidgets(
    graph('Lambda errors', [everyFunction(prefix, 'Errors')]),
    graph('Lambda throttles', [everyFunction(prefix, 'Throttles')]),
  );
  dashboard.addWidgets(
    graph(
      'Workflow outcomes',
      plan.stateMachines.flatMap((machine) =>
        ['ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'].map(
          (metric) =>
            aws('AWS/States', metric, { StateMachineArn: machine.arn })(
              'Sum',
              `${machine.workflow} ${metric.slice('Executions'.length)}`,
            ),
        ),
      ),
    ),
    graph(
      'Dead letters',
      plan.deadLetterQueues.map((queue) =>
        aws('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: queue.name })(
          'Maximum',
          queue.name.slice(prefix.length + 1),
        ),
      ),
    ),
  );
  dashboard.addWidgets(
    graph(
      'DynamoDB throttles',
      plan.tables.flatMap((table) =>
        ['ReadThrottleEvents', 'WriteThrottleEvents'].map((metric) =>
          aws('AWS/DynamoDB', metric, { TableName: table.name })(
            'Sum',
            `${table.service} ${metric}`,
          ),
        ),
      ),
    ),
    graph('SES sends, bounces, complaints', [
      ses('Send')('Sum', 'sent'),
      ses('Bounce')('Sum', 'bounced'),
      ses('Complaint')('Sum', 'complained'),
      ses('Reputation.BounceRate')('Maximum', 'bounce rate'),
      ses('Reputation.ComplaintRate')('Maximum', 'complaint rate'),
    ]),
  );
  if (distributions.length > 0) {
    dashboard.addWidgets(
      graph(
        'CloudFront cache hit rate (%)',
        distributions.map(({ site, distributionId }) =>
          cacheHitRate(distributionId).with({ label: site }),
        ),
      ),
      graph(
        'CloudFront origin errors (%)',
        distributions.map((distribution) => originErrorRate(distribution)),
      ),
    );
  }
  return dashboard;
};
