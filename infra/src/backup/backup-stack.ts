import type { Plan, StageNames } from '@mytabs/plan';
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';

export interface BackupStackProps extends StackProps {
  plan: Plan;
  names: StageNames;
  /** Production: the vault (and so its recovery points) outlives the stack. */
  protect: boolean;
}

/** How long each kind of recovery point is kept. */
export const RETENTION = { dailyDays: 35, monthlyDays: 365 };

/**
 * AWS Backup of every table of the plan, beside point-in-time recovery (which reaches back 35
 * days at most): a daily recovery point kept 35 days and a monthly one kept a year, in the
 * stage's vault.
 */
export class BackupStack extends Stack {
  constructor(scope: Construct, id: string, props: BackupStackProps) {
    super(scope, id, props);
    const { plan, names } = props;
    const vault = new BackupVault(this, 'Vault', {
      backupVaultName: names.backupVault,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const backupPlan = new BackupPlan(this, 'Plan', {
      backupPlanName: names.backupPlan,
      backupVault: vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: Schedule.cron({ minute: '0', hour: '5' }),
          deleteAfter: Duration.days(RETENTION.dailyDays),
        }),
        new BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: Schedule.cron({ minute: '0', hour: '5', day: '1' }),
          deleteAfter: Duration.days(RETENTION.monthlyDays),
        }),
      ],
    });
    const selection = backupPlan.addSelection('Tables', {
      backupSelectionName: `${names.prefix}-tables`,
      resources: plan.tables.map((table) => BackupResource.fromArn(table.arn)),
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own managed policy for its service role: what it needs to back up each supported resource, kept current by AWS.",
    });
  }
}
