import { accountNames } from '@mytabs/plan';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { CfnAnomalyMonitor, CfnAnomalySubscription } from 'aws-cdk-lib/aws-ce';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../monitoring/alarm-topic.ts';

export interface AccountStackProps extends Omit<StackProps, 'env'> {
  account: string | undefined;
  monthlyBudgetUsd: number;
  alarmEmail?: string;
}

/** The budget alerts at these shares of its amount (actual spend). */
export const BUDGET_ALERTS_PERCENT = [80, 100];
/** A cost anomaly is reported once its total impact reaches this many USD. */
export const ANOMALY_IMPACT_USD = 20;
/** Cost Explorer (and so anomaly detection) lives in us-east-1 only. */
const COST_REGION = 'us-east-1';

/**
 * What exists once per account, whatever the stages deployed in it: the monthly budget and Cost
 * Anomaly Detection (a monitor of every AWS service and a subscription), both telling a topic.
 */
export class AccountStack extends Stack {
  constructor(scope: Construct, id: string, props: AccountStackProps) {
    const { account, monthlyBudgetUsd, alarmEmail, ...stackProps } = props;
    super(scope, id, { ...stackProps, env: { account, region: COST_REGION } });
    const topic = new AlarmTopic(this, 'Costs', {
      topicName: accountNames.costTopic,
      email: alarmEmail,
    });
    for (const service of ['budgets.amazonaws.com', 'costalerts.amazonaws.com']) {
      topic.addToResourcePolicy(
        new PolicyStatement({
          actions: ['sns:Publish'],
          principals: [new ServicePrincipal(service)],
          resources: [topic.topicArn],
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }
    new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: accountNames.budget,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: BUDGET_ALERTS_PERCENT.map((threshold) => ({
        notification: {
          notificationType: 'ACTUAL',
          comparisonOperator: 'GREATER_THAN',
          threshold,
          thresholdType: 'PERCENTAGE',
        },
        subscribers: [{ subscriptionType: 'SNS', address: topic.topicArn }],
      })),
    });
    const monitor = new CfnAnomalyMonitor(this, 'AnomalyMonitor', {
      monitorName: accountNames.anomalyMonitor,
      monitorType: 'DIMENSIONAL',
      monitorDimension: 'SERVICE',
    });
    new CfnAnomalySubscription(this, 'AnomalySubscription', {
      subscriptionName: accountNames.anomalySubscription,
      monitorArnList: [monitor.attrMonitorArn],
      frequency: 'IMMEDIATE',
      thresholdExpression: JSON.stringify({
        Dimensions: {
          Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE',
          MatchOptions: ['GREATER_THAN_OR_EQUAL'],
          Values: [String(ANOMALY_IMPACT_USD)],
        },
      }),
      subscribers: [{ type: 'SNS', address: topic.topicArn }],
    });
  }
}
