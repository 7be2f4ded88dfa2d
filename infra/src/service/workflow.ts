import type { StateMachinePlan } from '@mytabs/plan';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface WorkflowProps {
  plan: StateMachinePlan;
  logRetention: RetentionDays;
  /**
   * Production: errors only, without execution data (buyers' names and emails), in a log group
   * that outlives the stack. Elsewhere every event with its data, for debugging.
   */
  protect: boolean;
}

/**
 * A workflow of the plan: its definition with every placeholder already filled with a function
 * ARN (the same text the local engine runs); traced, logged (see `protect`), and a role that may
 * invoke exactly the functions its Task states name.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { plan, logRetention, protect }: WorkflowProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${plan.name}`,
      retention: logRetention,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: plan.name,
      stateMachineType: StateMachineType[plan.type],
      definitionBody: DefinitionBody.fromString(plan.definition),
    });
    // Tracing and logging set on the resource, their permissions in a policy of their own: the
    // `tracingEnabled` and `logs` props would add them to the role's default policy, where a `*`
    // acknowledgement would cover whatever else lands there.
    const cfn = this.stateMachine.node.defaultChild as CfnStateMachine;
    cfn.tracingConfiguration = { enabled: true };
    cfn.loggingConfiguration = {
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup.logGroupArn } }],
      ...(protect
        ? { level: LogLevel.ERROR, includeExecutionData: false }
        : { level: LogLevel.ALL, includeExecutionData: true }),
    };
    const observability = new Policy(this, 'TracingAndLogs', {
      roles: [this.stateMachine.role],
      statements: [
        new PolicyStatement({
          actions: [
            'xray:PutTraceSegments',
            'xray:PutTelemetryRecords',
            'xray:GetSamplingRules',
            'xray:GetSamplingTargets',
          ],
          resources: ['*'],
        }),
        new PolicyStatement({
          actions: [
            'logs:CreateLogDelivery',
            'logs:GetLogDelivery',
            'logs:UpdateLogDelivery',
            'logs:DeleteLogDelivery',
            'logs:ListLogDeliveries',
            'logs:PutResourcePolicy',
            'logs:DescribeResourcePolicies',
            'logs:DescribeLogGroups',
          ],
          resources: ['*'],
        }),
      ],
    });
    // The state machine must not start before it may write its traces and logs.
    cfn.node.addDependency(observability);
    if (plan.invokes.length > 0) {
      this.stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: plan.invokes }),
      );
    }
    if (protect) {
      Validations.of(this.stateMachine).acknowledge({
        id: 'AwsSolutions-SF1',
        reason:
          "Production logs errors only and without execution data: every event's data would put buyers' names and emails in the logs for a year. X-Ray traces every execution.",
      });
    }
    Validations.of(observability).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments and co.) and CloudWatch Logs vended delivery (logs:CreateLogDelivery and co.) have no resource-level permissions; this policy holds nothing else.',
    });
  }
}
