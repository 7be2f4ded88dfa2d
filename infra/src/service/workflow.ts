import type { StateMachinePlan } from '@mytabs/plan';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface WorkflowProps {
  plan: StateMachinePlan;
  logRetention: RetentionDays;
}

/**
 * A workflow of the plan: its definition with every placeholder already filled with a function
 * ARN (the same text the local engine runs); traced, logging every event, and a role that may
 * invoke exactly the functions its Task states name.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { plan, logRetention }: WorkflowProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${plan.name}`,
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: plan.name,
      stateMachineType: StateMachineType[plan.type],
      definitionBody: DefinitionBody.fromString(plan.definition),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });
    if (plan.invokes.length > 0) {
      this.stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: plan.invokes }),
      );
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments and co.) and CloudWatch Logs delivery (logs:CreateLogDelivery and co.) have no resource-level permissions; the CDK adds them for tracing and logging.',
    });
  }
}
