import type { Uses } from '@mytabs/contracts';
import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { acknowledgeWildcardResource } from '../nag/acknowledge-wildcard-resource.ts';

/** What a service owns or reaches, for granting a function exactly what its `uses` names. */
export interface GrantTargets {
  table?: ITableV2;
  bus: IEventBus;
  secrets: Record<string, ISecret>;
  /** `service.function` -> Lambda ARN. */
  functionArns: Record<string, string>;
  /** Workflow name -> state machine (of this service) and its name. */
  workflows: Record<string, { stateMachine: IStateMachine; name: string }>;
  /** ARN of the SES identity email is sent from. */
  emailIdentityArn: string;
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`No ${what} to grant`);
  return value;
};

/** One grant per entry of `uses`, on `role`; nothing else. */
export const grantUses = (role: IRole, uses: Uses, targets: GrantTargets) => {
  if (uses.table) {
    const table = need(targets.table, 'table');
    if (uses.table === 'write') table.grantReadWriteData(role);
    else table.grantReadData(role);
    acknowledgeWildcardResource(
      role,
      `${table.tableArn}/index/*`,
      "Querying the service's own secondary indexes (declared in its manifest) needs the table's index ARNs.",
    );
  }
  if (uses.bus) targets.bus.grantPutEventsTo(role);
  for (const secret of uses.secrets ?? [])
    need(targets.secrets[secret], `secret ${secret}`).grantRead(role);
  if (uses.invoke?.length) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: uses.invoke.map((ref) => need(targets.functionArns[ref], `function ${ref}`)),
      }),
    );
  }
  for (const name of uses.workflows ?? []) {
    const workflow = need(targets.workflows[name], `workflow ${name}`);
    const executions = Stack.of(workflow.stateMachine).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${workflow.name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [workflow.stateMachine.stateMachineArn],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution', 'states:RedriveExecution'],
        resources: [executions],
      }),
    );
    acknowledgeWildcardResource(
      role,
      executions,
      'Execution ARNs carry the execution name (the order id), unknown until run time; the grant is limited to executions of this one state machine.',
    );
  }
  if (uses.email) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['ses:SendEmail'], resources: [targets.emailIdentityArn] }),
    );
  }
};
