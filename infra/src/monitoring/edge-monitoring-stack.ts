import type { StageNames } from '@mytabs/plan';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnMonitoringSubscription } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.ts';
import {
  CLOUDFRONT_METRICS_REGION,
  type MonitoredDistribution,
  originErrorRate,
} from './cloudfront-metrics.ts';
import { notifyingAlarm } from './notify.ts';
import { describeAlarm } from './runbook.ts';

export interface EdgeMonitoringStackProps
  extends Omit<StackProps, 'env' | 'crossRegionReferences'> {
  account: string | undefined;
  names: StageNames;
  alarmEmail?: string;
  distributions: MonitoredDistribution[];
}

/** Above this share of requests failed by the origin (%, over 5 minutes) a site alarms. */
export const ORIGIN_ERROR_RATE = 5;

/**
 * The sites' alarms, in us-east-1 where CloudFront's metrics are (an alarm reads metrics of its
 * own region only), with a topic of their own there: each distribution's additional metrics
 * (cache hit rate, errors by code) and an alarm on its origin errors.
 */
export class EdgeMonitoringStack extends Stack {
  constructor(scope: Construct, id: string, props: EdgeMonitoringStackProps) {
    const { account, names, alarmEmail, distributions, ...stackProps } = props;
    super(scope, id, {
      ...stackProps,
      env: { account, region: CLOUDFRONT_METRICS_REGION },
      crossRegionReferences: true,
    });
    const topic = new AlarmTopic(this, 'Alarms', {
      topicName: names.alarmTopic,
      email: alarmEmail,
    });
    for (const distribution of distributions) {
      const { site, distributionId } = distribution;
      new CfnMonitoringSubscription(this, `Metrics-${site}`, {
        distributionId,
        monitoringSubscription: {
          realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: 'Enabled' },
        },
      });
      notifyingAlarm(this, `OriginErrors-${site}`, topic, {
        alarmName: names.alarm(`origin-errors-${site}`),
        alarmDescription: describeAlarm(
          `More than ${ORIGIN_ERROR_RATE} % of the ${site} site's requests failed at its origin (502, 503, 504) in 5 minutes.`,
          'originErrors',
        ),
        metric: originErrorRate(distribution),
        threshold: ORIGIN_ERROR_RATE,
      });
    }
  }
}
