import type { Plan, StageNames } from '@mytabs/plan';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.ts';
import type { MonitoredDistribution } from './cloudfront-metrics.ts';
import { StageAlarms } from './stage-alarms.ts';
import { stageDashboard } from './stage-dashboard.ts';

export interface MonitoringStackProps extends StackProps {
  plan: Plan;
  names: StageNames;
  alarmEmail?: string;
  /** The sites' distributions, for the dashboard's CloudFront widgets (their alarms are in us-east-1). */
  distributions: MonitoredDistribution[];
}

/**
 * What tells an operator something is wrong in a stage: every alarm to one topic (emailed), and
 * the stage's dashboard. Everything is found by the plan's names: no reference to the services'
 * stacks, so monitoring never holds a deployment of theirs back.
 */
export class MonitoringStack extends Stack {
  readonly topic: AlarmTopic;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { plan, names } = props;
    this.topic = new AlarmTopic(this, 'Alarms', {
      topicName: names.alarmTopic,
      email: props.alarmEmail,
    });
    new StageAlarms(this, 'Alarm', { plan, names, topic: this.topic });
    stageDashboard(this, 'Dashboard', {
      dashboardName: names.dashboard,
      plan,
      prefix: names.prefix,
      distributions: props.distributions,
    });
  }
}
