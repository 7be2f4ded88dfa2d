import type { Plan, StageNames } from '@mytabs/plan';
import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { notifyingAlarm } from './notify.ts';
import { describeAlarm, type RunbookSection } from './runbook.ts';
import { serviceMetric } from './service-metric.ts';

/**
 * SES reviews an account at 5 % bounces and 0.1 % complaints (and may pause it at 10 % and
 * 0.5 %): the alarms fire at 80 % of the review levels, early enough to act before SES does.
 */
export const SES_ALARM_RATES = { bounceRate: 0.04, complaintRate: 0.0008 };

/**
 * The alarms on what the services publish (Powertools metrics) and on the account's SES
 * reputation: the signals no resource of the plan carries.
 */
export const serviceAlarms = (
  scope: Construct,
  { plan, names, topic }: { plan: Plan; names: StageNames; topic: ITopic },
) => {
  const ns = plan.metricsNamespace;
  const serviceAlarm = (
    service: string,
    metricName: string,
    what: string,
    props: {
      threshold: number;
      statistic?: string;
      section: RunbookSection;
    },
    description: string,
  ) => {
    if (!plan.functions.some((f) => f.service === service)) return;
    notifyingAlarm(scope, metricName, topic, {
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
  notifyingAlarm(scope, 'BounceRate', topic, {
    alarmName: names.alarm('ses-bounce-rate'),
    alarmDescription: describeAlarm(
      "The account's SES bounce rate is above 4 % (SES reviews the account at 5 %).",
      'emailReputation',
    ),
    metric: reputation('Reputation.BounceRate'),
    threshold: SES_ALARM_RATES.bounceRate,
  });
  notifyingAlarm(scope, 'ComplaintRate', topic, {
    alarmName: names.alarm('ses-complaint-rate'),
    alarmDescription: describeAlarm(
      "The account's SES complaint rate is above 0.08 % (SES reviews the account at 0.1 %).",
      'emailReputation',
    ),
    metric: reputation('Reputation.ComplaintRate'),
    threshold: SES_ALARM_RATES.complaintRate,
  });
};
