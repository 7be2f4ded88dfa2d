import { accountNames, type Plan, type StageNames } from '@mytabs/plan';
import { type App, Aspects, type Environment, type Stack, Tags } from 'aws-cdk-lib';
import { BackupStack } from './backup/backup-stack.ts';
import type { MyTabsConfig } from './config.ts';
import { AccountStack } from './costs/account-stack.ts';
import { tagCosts } from './costs/cost-allocation-tags.ts';
import type { MonitoredDistribution } from './monitoring/cloudfront-metrics.ts';
import { MonitoringStack } from './monitoring/monitoring-stack.ts';
import { OldVersionsExpire } from './storage/old-versions-expire.ts';

export interface OperationsProps {
  config: MyTabsConfig;
  env: Environment;
  plan: Plan;
  names: StageNames;
  protect: boolean;
  /** The sites' distributions, for the dashboard (none before the API exists). */
  distributions: MonitoredDistribution[];
  /** Every stack of the stage, by service name for a service's own (its `service` tag). */
  stacks: { shared: Stack[]; services: Record<string, Stack> };
}

/**
 * What keeps a stage watched, restorable and paid for: its alarms and dashboard, its backups,
 * once per account the budget and cost anomaly detection; the cost allocation tags on every
 * stack and the old-versions rule on every bucket.
 */
export const buildOperations = (app: App, props: OperationsProps) => {
  const { config, env, plan, names, protect } = props;
  const monitoring = new MonitoringStack(app, names.stack('monitoring'), {
    env,
    description: `MyTabs ${config.stage}: every alarm (to ${names.alarmTopic}) and the dashboard ${names.dashboard}`,
    plan,
    names,
    alarmEmail: config.alarmEmail,
    distributions: props.distributions,
    terminationProtection: protect,
  });
  const backup = new BackupStack(app, names.stack('backup'), {
    env,
    description: `MyTabs ${config.stage}: AWS Backup of every table (daily kept 35 days, monthly kept a year)`,
    plan,
    names,
    protect,
    terminationProtection: protect,
  });
  const account =
    (config.accountWide ?? config.stage === 'prod')
      ? new AccountStack(app, accountNames.stack, {
          account: config.account,
          description: `MyTabs, once per account: the monthly budget ($${config.monthlyBudgetUsd}) and cost anomaly detection`,
          monthlyBudgetUsd: config.monthlyBudgetUsd,
          alarmEmail: config.alarmEmail,
          terminationProtection: protect,
        })
      : undefined;
  Aspects.of(app).add(new OldVersionsExpire());
  for (const stack of [...props.stacks.shared, monitoring, backup]) tagCosts(stack, config);
  for (const [service, stack] of Object.entries(props.stacks.services)) {
    tagCosts(stack, { stage: config.stage, service });
  }
  if (account) Tags.of(account).add('project', 'mytabs');
  return { monitoring, backup, ...(account && { account }) };
};
