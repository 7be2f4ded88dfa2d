import { readFileSync } from 'node:fs';
import type { WorkflowSpec } from '@mytabs/contracts';
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
  stateMachineName: string;
  spec: WorkflowSpec;
  /** Absolute path of the ASL file. */
  definitionPath: string;
  /** Placeholder -> ARN of the function it names. */
  functionArns: Record<string, string>;
  logRetention: RetentionDays;
}

/** `${Name}` placeholders of an ASL text (Step Functions' definitionSubstitutions syntax). */
export const aslPlaceholders = (asl: string) =>
  new Set([...asl.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string));

/**
 * A manifest workflow: the ASL file as written, with `definitionSubstitutions` filling its
 * placeholders with function ARNs; traced, logging every event, and a role that may invoke
 * exactly the substituted functions.
 */
export class Workflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const asl = readFileSync(props.definitionPath, 'utf8');
    JSON.parse(asl);
    const missing = [...aslPlaceholders(asl)].filter((p) => !(p in props.functionArns));
    if (missing.length > 0) {
      throw new Error(
        `${props.definitionPath}: no substitution for ${missing.map((p) => `\${${p}}`).join(', ')}`,
      );
    }
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType[props.spec.type],
      definitionBody: DefinitionBody.fromString(asl),
      definitionSubstitutions: props.functionArns,
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });
    const arns = Object.values(props.functionArns);
    if (arns.length > 0) {
      this.stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: arns }),
      );
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments and co.) and CloudWatch Logs delivery (logs:CreateLogDelivery and co.) have no resource-level permissions; the CDK adds them for tracing and logging.',
    });
  }
}
