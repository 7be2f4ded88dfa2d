import { userPoolVariables } from '@mytabs/contracts';
import {
  type FunctionPlan,
  isGeneratedKind,
  type Plan,
  type SecretPlan,
  stageNames,
} from '@mytabs/plan';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { MyTabsConfig } from '../config.ts';
import { IdentityPool } from '../identity/identity-pool.ts';
import { ServiceUserPool } from '../identity/service-user-pool.ts';
import { userPoolOf } from '../identity/user-pool-of.ts';
import type { GeneratedKind } from '../keys/ensure-key.ts';
import { GeneratedKeys, KEY_HANDLER } from '../keys/generated-keys.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { type GrantTargets, grantUses } from './function-grants.ts';
import { PlannedRule } from './planned-rule.ts';
import { ServiceFunction } from './service-function.ts';
import { ServiceSecrets } from './service-secrets.ts';
import { ServiceTable } from './service-table.ts';
import { Workflow } from './workflow.ts';

export interface ServiceStackProps extends StackProps {
  plan: Plan;
  /** The service whose part of the plan this stack holds. */
  service: string;
  config: MyTabsConfig;
  /** Production: tables, secrets and the user pool are kept and refuse deletion. */
  protect: boolean;
  logRetention: RetentionDays;
  /** The monorepo root esbuild bundles from. */
  projectRoot: string;
  /** What `uses.email` functions are granted: the identity and the configuration set. */
  email: GrantTargets['email'];
}

const uniqueId = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const isGenerated = (secret: SecretPlan): secret is SecretPlan & { kind: GeneratedKind } =>
  isGeneratedKind(secret.kind);
const isOperatorSecret = (
  secret: SecretPlan,
): secret is SecretPlan & { kind: Exclude<SecretPlan['kind'], GeneratedKind> } =>
  !isGeneratedKind(secret.kind);

/** One service's part of the plan: its table, secrets, workflows, functions, rules and pool. */
export class ServiceStack extends Stack {
  readonly functions: Record<string, ServiceFunction> = {};
  readonly table?: ServiceTable;
  readonly userPool?: ServiceUserPool;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { plan, service, config, protect, logRetention } = props;
    const own = <T extends { service: string }>(items: readonly T[]) =>
      items.filter((item) => item.service === service);

    const [tablePlan] = own(plan.tables);
    if (tablePlan) {
      this.table = new ServiceTable(this, 'Table', {
        plan: tablePlan,
        protect,
        replicaRegion: config.tableReplicaRegion,
      });
    }

    const generated = own(plan.secrets).filter(isGenerated);
    const keys =
      generated.length > 0
        ? new GeneratedKeys(this, 'Keys', {
            keys: generated,
            versions: config.keyVersions,
            retain: protect,
            functionName: stageNames(config.stage).function(service, KEY_HANDLER),
            projectRoot: props.projectRoot,
            logRetention,
          })
        : undefined;
    const secrets = {
      ...new ServiceSecrets(this, 'Secrets', {
        secrets: own(plan.secrets).filter(isOperatorSecret),
        protect,
      }).secrets,
      ...keys?.secrets,
    };

    const bus = EventBus.fromEventBusName(this, 'Bus', plan.bus.name);

    const workflows: Record<string, StateMachine> = {};
    for (const planned of own(plan.stateMachines)) {
      workflows[planned.name] = new Workflow(this, `Workflow${planned.workflow}`, {
        plan: planned,
        logRetention,
        protect,
      }).stateMachine;
    }

    for (const planned of own(plan.functions)) {
      const fn = new ServiceFunction(this, uniqueId(planned.key), {
        functionName: planned.name,
        entry: planned.entry,
        projectRoot: props.projectRoot,
        memoryMb: planned.memoryMb,
        timeoutS: planned.timeoutS,
        environment: planned.environment,
        logRetention,
        retainLogs: protect,
      });
      // A function reading one of our keys is not deployed before the key exists.
      if (keys && planned.grants.secrets.some((name) => name in keys.secrets)) {
        fn.node.addDependency(keys);
      }
      grantUses(fn.role, planned.grants, {
        table: this.table,
        bus,
        secrets,
        functionArn: (name) => {
          const callee = plan.functions.find((f) => f.name === name);
          if (!callee) throw new Error(`${planned.ref} invokes ${name}, which the plan lacks`);
          return callee.arn;
        },
        workflows,
        email: props.email,
      });
      this.wireInvocations(fn, planned, plan, bus);
      this.functions[planned.key] = fn;
    }

    if (plan.userPool?.service === service) {
      const pool = plan.userPool;
      const functions: Record<string, IFunction> = Object.fromEntries(
        own(plan.functions).flatMap((f) => {
          const built = this.functions[f.key];
          return built ? [[f.name, built.fn]] : [];
        }),
      );
      this.userPool = new ServiceUserPool(this, 'UserPool', {
        plan: pool,
        email: plan.email,
        callbackUrls: config.callbackUrls,
        logoutUrls: config.logoutUrls,
        functions,
        protect,
      });
      // The pool's variables are added once it exists: its triggers needed these functions first.
      const variables = userPoolVariables(
        userPoolOf(this.userPool.userPool, this.userPool.clients),
      );
      for (const planned of own(plan.functions)) {
        if (!planned.needsUserPoolVariables) continue;
        for (const [key, value] of Object.entries(variables)) {
          this.functions[planned.key]?.fn.addEnvironment(key, value);
        }
      }
      new IdentityPool(this, 'IdentityPool', {
        identityPoolName: pool.identityPoolName,
        userPool: this.userPool.userPool,
        clients: this.userPool.clients,
      });
    }
  }

  /** The function's rules and its asynchronous invocations: retries, then its dead-letter queue. */
  private wireInvocations(fn: ServiceFunction, planned: FunctionPlan, plan: Plan, bus: IEventBus) {
    const queue = plan.deadLetterQueues.find((q) => q.functionName === planned.name);
    if (!planned.asyncInvoke || !queue) return;
    const deadLetterQueue = new DeadLetterQueue(fn, 'DeadLetterQueue', queue);
    fn.fn.configureAsyncInvoke({
      retryAttempts: planned.asyncInvoke.retryAttempts,
      maxEventAge:
        planned.asyncInvoke.maxEventAgeS === undefined
          ? undefined
          : Duration.seconds(planned.asyncInvoke.maxEventAgeS),
      onFailure: new SqsDestination(deadLetterQueue),
    });
    for (const rule of plan.rules.filter((r) => r.target.functionName === planned.name)) {
      new PlannedRule(fn, rule.schedule ? 'Schedule' : 'Subscription', {
        plan: rule,
        bus: rule.bus === plan.bus.name ? bus : undefined,
        handler: fn.fn,
        deadLetterQueue,
      });
    }
  }
}
