import type { FunctionGrants } from '@mytabs/plan';
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
  /** By name in Secrets Manager. */
  secrets: Record<string, ISecret>;
  /** A function's ARN by its name. */
  functionArn: (name: string) => string;
  /** State machines of this service, by name. */
  workflows: Record<string, IStateMachine>;
  /** The SES identity email is sent from and the configuration set it is sent with. */
  email: { identityArn: string; configurationSetArn: string };
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`No ${what} to grant`);
  return value;
};

/** One grant per entry of the plan's grants, on `role`; nothing else. */
export const grantUses = (role: IRole, grants: FunctionGrants, targets: GrantTargets) => {
  if (grants.table) {
    const table = need(targets.table, 'table');
    const { actions } = grants.table;
    const indexes = `${table.tableArn}/index/*`;
    // Only a Query or a Scan reads an index; any other action names the table itself.
    const readsIndexes = actions.some((a) => a === 'dynamodb:Query' || a === 'dynamodb:Scan');
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions,
        resources: readsIndexes ? [table.tableArn, indexes] : [table.tableArn],
      }),
    );
    if (readsIndexes) {
      acknowledgeWildcardResource(
        role,
        indexes,
        "Querying the service's own secondary indexes (declared in its manifest) needs the table's index ARNs.",
      );
    }
  }
  if (grants.bus) targets.bus.grantPutEventsTo(role);
  for (const secret of grants.secrets) {
    need(targets.secrets[secret], `secret ${secret}`).grantRead(role);
  }
  if (grants.invoke.length > 0) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: grants.invoke.map(targets.functionArn),
      }),
    );
  }
  for (const name of grants.workflows) {
    const stateMachine = need(targets.workflows[name], `workflow ${name}`);
    const executions = Stack.of(stateMachine).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [stateMachine.stateMachineArn],
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
  if (grants.email) {
    role.addToPrincipalPolicy(
      // SES authorizes SendEmail on the identity and on the configuration set it names.
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [targets.email.identityArn, targets.email.configurationSetArn],
      }),
    );
  }
};
