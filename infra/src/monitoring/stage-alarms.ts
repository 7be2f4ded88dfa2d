import type { Plan, StageNames } from '@mytabs/plan';
import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { awsMetric, FIVE_MINUTES, sumOf } from './aws-metric.ts';
import { notifyingAlarm } from './notify.ts';
import { describeAlarm } from './runbook.ts';
import { serviceMetric } from './service-metric.ts';

/** The API's one stage, as today's clients call it. */
const API_STAGE = 'prod';

export interface StageAlarmsProps {
  plan: Plan;
  names: StageNames;
  topic: ITopic;
}

/**
 * SES reviews an account at 5 % bounces and 0.1 % complaints (and may pause it at 10 % and
 * 0.5 %): the alarms fire at 80 % of the review levels, early enough to act before SES does.
 */
export const SES_ALARM_RATES = { bounceRate: 0.04, complaintRate: 0.0008 };

/**
 * Every alarm of a stage, each from the plan (one per function, table, dead-letter queue and
 * workflow) or from a metric a service publishes, all to the stage's topic.
 */
export class StageAlarms extends Construct {
  constructor(scope: Construct, id: string, { plan, names, topic }: StageAlarmsProps) {
    super(scope, id);
    const ns = plan.metricsNamespace;

    for (const fn of plan.functions) {
      const of = (metricName: string) =>
        awsMetric('AWS/Lambda', metricName, { FunctionName: fn.name });
      notifyingAlarm(this, `Errors-${fn.ref}`, topic, {
        alarmName: names.alarm(`errors-${fn.service}-${fn.key}`),
        alarmDescription: describeAlarm(
          `More than 1 % of ${fn.ref}'s invocations failed in 5 minutes.`,
          'lambdaErrors',
        ),
        metric: new MathExpression({
          expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          usingMetrics: { errors: of('Errors'), invocations: of('Invocations') },
          label: `${fn.ref} error rate (%)`,
          period: FIVE_MINUTES,
        }),
        threshold: 1,
      });
    }

    const api = (metricName: string, statistic: string) =>
      awsMetric(
        'AWS/ApiGateway',
        metricName,
        { ApiName: plan.api.name, Stage: API_STAGE },
        statistic,
      );
    if (plan.routes.length > 0) {
      notifyingAlarm(this, 'Api5xx', topic, {
        alarmName: names.alarm('api-5xx'),
        alarmDescription: describeAlarm(
          'The API answered more than 10 server errors (5XX) in 5 minutes.',
          'apiErrors',
        ),
        metric: api('5XXError', 'Sum'),
        threshold: 10,
      });
      notifyingAlarm(this, 'ApiLatencyP99', topic, {
        alarmName: names.alarm('api-latency-p99'),
        alarmDescription: describeAlarm(
          "The API's p99 latency stayed above 3 seconds for 15 minutes.",
          'apiErrors',
        ),
        metric: api('Latency', 'p99'),
        threshold: 3000,
        evaluationPeriods: 3,
      });
    }

    for (const table of plan.tables) {
      const throttles = (metricName: string) =>
        awsMetric('AWS/DynamoDB', metricName, { TableName: table.name });
      notifyingAlarm(this, `Throttles-${table.service}`, topic, {
        alarmName: names.alarm(`throttles-${table.service}`),
        alarmDescription: describeAlarm(
          `DynamoDB throttled requests on ${table.name}.`,
          'dynamodbThrottles',
        ),
        metric: sumOf(`${table.name} throttled requests`, {
          reads: throttles('ReadThrottleEvents'),
          writes: throttles('WriteThrottleEvents'),
        }),
        threshold: 0,
      });
    }

    for (const queue of plan.deadLetterQueues) {
      notifyingAlarm(this, `DeadLetters-${queue.name}`, topic, {
        alarmName: names.alarm(`dlq-${queue.name.slice(names.prefix.length + 1, -'-dlq'.length)}`),
        alarmDescription: describeAlarm(
          `${queue.name} holds a dead letter: an event or invocation that failed after its retries (kept 14 days).`,
          'deadLetters',
        ),
        metric: awsMetric(
          'AWS/SQS',
          'ApproximateNumberOfMessagesVisible',
          { QueueName: queue.name },
          'Maximum',
        ),
        threshold: 0,
      });
    }

    for (const machine of plan.stateMachines) {
      const executions = (metricName: string) =>
        awsMetric('AWS/States', metricName, { StateMachineArn: machine.arn });
      notifyingAlarm(this, `Executions-${machine.workflow}`, topic, {
        alarmName: names.alarm(`failed-${machine.workflow}`),
        alarmDescription: describeAlarm(
          `A ${machine.workflow} execution failed or timed out.`,
          'failedExecutions',
        ),
        metric: sumOf(`${machine.workflow} failed or timed out`, {
          failed: executions('ExecutionsFailed'),
          timedOut: executions('ExecutionsTimedOut'),
        }),
        threshold: 0,
      });
    }

    const serviceAlarm = (
      service: string,
      metricName: string,
      what: string,
      props: {
        threshold: number;
        statistic?: string;
        section: Parameters<typeof describeAlarm>[1];
      },
      description: string,
    ) => {
      if (!plan.functions.some((f) => f.service === service)) return;
      notifyingAlarm(this, metricName, topic, {
        alarmName: names.alarm(what),
        alarmDescription: describeAlarm(description, props.section),
        metric: serviceMetric(ns, service, metricName, props.statistic),
        threshold: props.threshold,
      });
    };
    serviceAlarm(
      'payments',
      'WebhookSignatureFailures',
      'webhook-signatures',
      { threshold: 5, section: 'webhookSignatures' },
      'More than 5 Stripe webhooks in 5 minutes had a signature that does not match the webhook secret.',
    );
    serviceAlarm(
      'orders',
      'OrdersPaidNotFulfilled',
      'paid-not-fulfilled',
      { threshold: 0, statistic: 'Maximum', section: 'stuckOrders' },
      'Orders paid more than 15 minutes ago are not fulfilled (orders.measureStuckOrders, every 5 minutes; the same query as `ops orders stuck`).',
    );
    serviceAlarm(
      'payments',
      'PaymentsNotConfigured',
      'stripe-not-configured',
      { threshold: 0, section: 'stripeNotConfigured' },
      'Payments refused a request because a Stripe secret still holds its placeholder or a malformed key: no order can be paid.',
    );

    // SES reviews the account's reputation, not a configuration set's: every stage in an
    // account watches the same rates, and a dev stage's bounces count against prod's too.
    const reputation = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    notifyingAlarm(this, 'BounceRate', topic, {
      alarmName: names.alarm('ses-bounce-rate'),
      alarmDescription: describeAlarm(
        "The account's SES bounce rate is above 4 % (SES reviews the account at 5 %).",
        'emailReputation',
      ),
      metric: reputation('Reputation.BounceRate'),
      threshold: SES_ALARM_RATES.bounceRate,
    });
    notifyingAlarm(this, 'ComplaintRate', topic, {
      alarmName: names.alarm('ses-complaint-rate'),
      alarmDescription: describeAlarm(
        "The account's SES complaint rate is above 0.08 % (SES reviews the account at 0.1 %).",
        'emailReputation',
      ),
      metric: reputation('Reputation.ComplaintRate'),
      threshold: SES_ALARM_RATES.complaintRate,
    });
  }
}
