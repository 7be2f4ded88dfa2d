import type { Plan, StageNames } from '@mytabs/plan';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { awsMetric, FIVE_MINUTES, sumOf } from './aws-metric.ts';
import { notifyingAlarm } from './notify.ts';
import { describeAlarm } from './runbook.ts';
import { serviceAlarms } from './service-alarms.ts';

/** The API's one stage, as today's clients call it. */
const API_STAGE = 'prod';

export interface StageAlarmsProps {
  plan: Plan;
  names: StageNames;
  topic: ITopic;
}

/**
 * Every alarm of a stage, all to the stage's topic: one per function, table, dead-letter queue
 * and workflow of the plan, the API's, and those on what the services and SES tell
 * (`service-alarms.ts`).
 */
export class StageAlarms extends Construct {
  constructor(scope: Construct, id: string, { plan, names, topic }: StageAlarmsProps) {
    super(scope, id);

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

    serviceAlarms(this, { plan, names, topic });
  }
}
