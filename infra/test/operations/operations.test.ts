import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedResourcesOf } from '@mytabs/local';
import { stageNames } from '@mytabs/plan';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, repoRoot } from '../build-app.ts';
import { type Json, refId, resources } from '../template-queries.ts';
import { type AlarmView, alarmNamed, alarmsOf } from './alarm-reader.ts';

const names = stageNames('prod');
const FIVE_MINUTES = 300;

/** GitHub's anchors of the runbook's headings. */
const runbookAnchors = () =>
  readFileSync(join(repoRoot, 'docs/runbooks/recovery.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) =>
      line
        .slice(3)
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-'),
    );

const templates = (built: BuiltApp) =>
  built.app.node.children
    .filter((c): c is Stack => 'templateOptions' in c)
    .map((stack) => Template.fromStack(stack));

describe('operations of the stage prod: alarms, dashboard, backups, costs', () => {
  let built: BuiltApp;
  let alarms: AlarmView[];
  let topic: string;
  beforeAll(async () => {
    built = await buildApp(repoRoot, {
      stage: 'prod',
      alarmEmail: 'oncall@keeptabs.app',
      'aws:cdk:bundling-stacks': [],
    });
    const monitoring = Template.fromStack(built.stacks.monitoring);
    alarms = alarmsOf(monitoring);
    const [topicId] = resources(monitoring, 'AWS::SNS::Topic').map(([id]) => id);
    topic = topicId as string;
    monitoring.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@keeptabs.app',
    });
  }, 180_000);

  it('alarms on every function above 1 % errors over 5 minutes, by metric math', () => {
    for (const fn of built.stacks.plan.functions) {
      const alarm = alarmNamed(alarms, names.alarm(`errors-${fn.service}-${fn.key}`));
      expect(alarm.metrics).toEqual(['AWS/Lambda/Errors', 'AWS/Lambda/Invocations']);
      expect(alarm.dimensions).toEqual([
        [{ Name: 'FunctionName', Value: fn.name }],
        [{ Name: 'FunctionName', Value: fn.name }],
      ]);
      expect(alarm.expression).toBe('IF(invocations > 0, 100 * errors / invocations, 0)');
      expect([alarm.threshold, ...new Set(alarm.periods)]).toEqual([1, FIVE_MINUTES]);
    }
  });

  it("alarms on the API's 5XX (more than 10 in 5 minutes) and its p99 latency", () => {
    const errors = alarmNamed(alarms, names.alarm('api-5xx'));
    expect(errors).toMatchObject({
      metrics: ['AWS/ApiGateway/5XXError'],
      statistics: ['Sum'],
      periods: [FIVE_MINUTES],
      threshold: 10,
    });
    expect(errors.dimensions[0]).toEqual([
      { Name: 'ApiName', Value: 'mytabs-prod' },
      { Name: 'Stage', Value: 'prod' },
    ]);
    expect(alarmNamed(alarms, names.alarm('api-latency-p99'))).toMatchObject({
      metrics: ['AWS/ApiGateway/Latency'],
      statistics: ['p99'],
      threshold: 3000,
      evaluationPeriods: 3,
    });
  });

  it('alarms on any throttled request of every table, any dead letter and any failed workflow', () => {
    const { plan } = built.stacks;
    for (const table of plan.tables) {
      expect(alarmNamed(alarms, names.alarm(`throttles-${table.service}`))).toMatchObject({
        metrics: ['AWS/DynamoDB/ReadThrottleEvents', 'AWS/DynamoDB/WriteThrottleEvents'],
        expression: 'reads + writes',
        threshold: 0,
      });
    }
    expect(plan.deadLetterQueues.length).toBeGreaterThan(10);
    for (const queue of plan.deadLetterQueues) {
      const alarm = alarms.find(
        (a) =>
          a.metrics[0] === 'AWS/SQS/ApproximateNumberOfMessagesVisible' &&
          a.dimensions[0]?.[0]?.Value === queue.name,
      );
      expect(alarm, queue.name).toMatchObject({ statistics: ['Maximum'], threshold: 0 });
    }
    for (const machine of plan.stateMachines) {
      expect(alarmNamed(alarms, names.alarm(`failed-${machine.workflow}`))).toMatchObject({
        metrics: ['AWS/States/ExecutionsFailed', 'AWS/States/ExecutionsTimedOut'],
        threshold: 0,
      });
    }
  });

  it("alarms on the services' own metrics and on SES's rates near its limits", () => {
    const service = (name: string, metric: string, service: string, threshold: number) => {
      const alarm = alarmNamed(alarms, names.alarm(name));
      expect(alarm).toMatchObject({ metrics: [`mytabs-prod/${metric}`], threshold });
      expect(alarm.dimensions[0]).toEqual([{ Name: 'service', Value: service }]);
    };
    service('webhook-signatures', 'WebhookSignatureFailures', 'payments', 5);
    service('paid-not-fulfilled', 'OrdersPaidNotFulfilled', 'orders', 0);
    service('stripe-not-configured', 'PaymentsNotConfigured', 'payments', 0);
    expect(alarmNamed(alarms, names.alarm('ses-bounce-rate'))).toMatchObject({
      metrics: ['AWS/SES/Reputation.BounceRate'],
      threshold: 0.04,
    });
    expect(alarmNamed(alarms, names.alarm('ses-complaint-rate'))).toMatchObject({
      metrics: ['AWS/SES/Reputation.ComplaintRate'],
      threshold: 0.0008,
    });
  });

  it('reads 5-minute periods and alarms on one breaching period, but where it says otherwise', () => {
    const HOUR = 3600;
    // SES reports its reputation rates about hourly; a latency spike must last 15 minutes.
    const periodOf = (name: string) => (name.startsWith(names.alarm('ses-')) ? HOUR : FIVE_MINUTES);
    const evaluationsOf = (name: string) => (name === names.alarm('api-latency-p99') ? 3 : 1);
    const origin = alarmsOf(Template.fromStack(built.stacks.edgeMonitoring as Stack));
    for (const alarm of [...alarms, ...origin]) {
      expect([...new Set(alarm.periods)], alarm.name).toEqual([periodOf(alarm.name)]);
      expect(alarm.evaluationPeriods, alarm.name).toBe(evaluationsOf(alarm.name));
    }
  });

  it('sends every alarm to the topic and links its runbook section, which exists', () => {
    const anchors = runbookAnchors();
    for (const alarm of alarms) {
      expect(alarm.actions.map(refId), alarm.name).toEqual([topic]);
      const anchor = /recovery\.md#([a-z0-9-]+)$/.exec(alarm.description)?.[1];
      expect(anchors, `${alarm.name}: ${alarm.description}`).toContain(anchor);
    }
  });

  it("alarms on each site's origin errors in us-east-1, with a topic there", () => {
    const edge = built.stacks.edgeMonitoring;
    expect(edge?.region).toBe('us-east-1');
    const t = Template.fromStack(edge as Stack);
    const origin = alarmsOf(t);
    expect(origin.map((a) => a.name).sort()).toEqual(
      ['admin', 'ticket', 'web'].map((site) => names.alarm(`origin-errors-${site}`)),
    );
    for (const alarm of origin) {
      expect(alarm.metrics).toEqual([
        'AWS/CloudFront/502ErrorRate',
        'AWS/CloudFront/503ErrorRate',
        'AWS/CloudFront/504ErrorRate',
      ]);
      expect(alarm.threshold).toBe(5);
      expect(alarm.actions).toHaveLength(1);
      expect(runbookAnchors()).toContain(alarm.description.split('#')[1]);
    }
    expect(resources(t, 'AWS::CloudFront::MonitoringSubscription')).toHaveLength(3);
  });

  it("prices as many alarm metrics as the templates' alarms read (npm run cost)", () => {
    const read = [built.stacks.monitoring, built.stacks.edgeMonitoring as Stack]
      .flatMap((stack) => resources(Template.fromStack(stack), 'AWS::CloudWatch::Alarm'))
      .reduce(
        (sum, [, alarm]) =>
          sum + ((alarm.Metrics ?? []).filter((m: Json) => m.MetricStat).length || 1),
        0,
      );
    expect(fixedResourcesOf(built.stacks.plan).alarmMetrics).toBe(read);
  });

  it('has one dashboard with the funnel and a widget for each part', () => {
    const [, dashboard] = resources(
      Template.fromStack(built.stacks.monitoring),
      'AWS::CloudWatch::Dashboard',
    )[0] as [string, Json];
    expect(dashboard.DashboardName).toBe('mytabs-prod');
    const body = JSON.stringify(dashboard.DashboardBody);
    for (const title of [
      'Order funnel',
      'API latency (ms)',
      'API errors',
      'Lambda errors',
      'Lambda throttles',
      'Workflow outcomes',
      'Dead letters',
      'DynamoDB throttles',
      'CloudFront cache hit rate (%)',
      'CloudFront origin errors (%)',
      'SES sends, bounces, complaints',
    ]) {
      expect(body).toContain(`\\"title\\":\\"${title}\\"`);
    }
    for (const metric of [
      'QuotesCalculated',
      'PaymentIntentsCreated',
      'OrdersPaid',
      'OrdersFulfilled',
      'OrdersFailed',
      'OrdersRefunded',
    ]) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
  });

  it('backs up every table daily (35 days) and monthly (a year) into a vault prod keeps', () => {
    const t = Template.fromStack(built.stacks.backup);
    t.hasResource('AWS::Backup::BackupVault', {
      Properties: { BackupVaultName: 'mytabs-prod' },
      DeletionPolicy: 'Retain',
    });
    const [, plan] = resources(t, 'AWS::Backup::BackupPlan')[0] as [string, Json];
    expect(
      plan.BackupPlan.BackupPlanRule.map((r: Json) => [
        r.RuleName,
        r.ScheduleExpression,
        r.Lifecycle.DeleteAfterDays,
      ]),
    ).toEqual([
      ['daily', 'cron(0 5 * * ? *)', 35],
      ['monthly', 'cron(0 5 1 * ? *)', 365],
    ]);
    const [, selection] = resources(t, 'AWS::Backup::BackupSelection')[0] as [string, Json];
    const selected = JSON.stringify(selection.BackupSelection.Resources);
    for (const table of built.stacks.plan.tables) expect(selected).toContain(`table/${table.name}`);
    expect(selection.BackupSelection.Resources).toHaveLength(built.stacks.plan.tables.length);
  });

  it('has one budget and one cost anomaly monitor in the whole app, in the account stack', () => {
    const all = templates(built);
    const count = (type: string) => all.flatMap((t) => resources(t, type)).length;
    expect([
      count('AWS::Budgets::Budget'),
      count('AWS::CE::AnomalyMonitor'),
      count('AWS::CE::AnomalySubscription'),
    ]).toEqual([1, 1, 1]);
    const account = Template.fromStack(built.stacks.account as Stack);
    const [, budget] = resources(account, 'AWS::Budgets::Budget')[0] as [string, Json];
    expect(budget.Budget).toMatchObject({
      BudgetLimit: { Amount: 120, Unit: 'USD' },
      TimeUnit: 'MONTHLY',
    });
    expect(budget.NotificationsWithSubscribers.map((n: Json) => n.Notification.Threshold)).toEqual([
      80, 100,
    ]);
    account.hasResourceProperties('AWS::CE::AnomalyMonitor', {
      MonitorType: 'DIMENSIONAL',
      MonitorDimension: 'SERVICE',
    });
    account.hasResourceProperties('AWS::CE::AnomalySubscription', { Frequency: 'IMMEDIATE' });
  });

  it('tags every taggable resource of the stage with its project and stage', () => {
    for (const stack of [
      built.stacks.monitoring,
      built.stacks.backup,
      built.stacks.platform,
      ...Object.values(built.stacks.services),
    ]) {
      const all: [string, Json][] = Object.entries(Template.fromStack(stack).toJSON().Resources);
      for (const [id, resource] of all) {
        const tags = resource.Properties?.Tags;
        if (!Array.isArray(tags)) continue;
        expect(tags, `${stack.stackName} ${id}`).toEqual(
          expect.arrayContaining([
            { Key: 'project', Value: 'mytabs' },
            { Key: 'stage', Value: 'prod' },
          ]),
        );
      }
    }
  });

  it("lets every bucket's old versions expire", () => {
    const buckets = templates(built).flatMap((t) => resources(t, 'AWS::S3::Bucket'));
    expect(buckets.length).toBeGreaterThan(0);
    for (const [id, bucket] of buckets) {
      expect(bucket.LifecycleConfiguration?.Rules, id).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
        ]),
      );
    }
  });
});

describe('operations of the stage dev, with a table replica', () => {
  let built: BuiltApp;
  beforeAll(async () => {
    built = await buildApp(repoRoot, {
      stage: 'dev',
      tableReplicaRegion: 'us-west-2',
      'aws:cdk:bundling-stacks': [],
    });
  }, 180_000);

  it('creates no budget or anomaly monitor: they are once per account, from prod', () => {
    expect(built.stacks.account).toBeUndefined();
    const found = templates(built).flatMap((t) => [
      ...resources(t, 'AWS::Budgets::Budget'),
      ...resources(t, 'AWS::CE::AnomalyMonitor'),
    ]);
    expect(found).toEqual([]);
  });

  it('replicates every table into the second region', () => {
    for (const service of Object.keys(built.stacks.services)) {
      const tables = resources(built.serviceTemplate(service), 'AWS::DynamoDB::GlobalTable');
      for (const [, table] of tables) {
        expect(table.Replicas.map((r: Json) => r.Region).sort()).toEqual([
          'us-east-1',
          'us-west-2',
        ]);
      }
    }
  });

  it('keeps no vault when the stage goes', () => {
    Template.fromStack(built.stacks.backup).hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Delete',
    });
  });
});
