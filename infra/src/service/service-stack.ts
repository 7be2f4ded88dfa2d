import { join } from 'node:path';
import {
  type EventContract,
  type FunctionSpec,
  functionEnvironment,
  userPoolVariables,
} from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { ArnFormat, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { MyTabsConfig } from '../config.ts';
import { IdentityPool } from '../identity/identity-pool.ts';
import { ServiceUserPool } from '../identity/service-user-pool.ts';
import { userPoolOf } from '../identity/user-pool-of.ts';
import { BUS_NAME, functionName, secretName, splitRef, stateMachineName } from '../names.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { EventSubscription } from './event-subscription.ts';
import { grantUses } from './function-grants.ts';
import { ScheduledInvocation } from './scheduled-invocation.ts';
import { ServiceFunction } from './service-function.ts';
import { ServiceSecrets } from './service-secrets.ts';
import { ServiceTable } from './service-table.ts';
import { Workflow } from './workflow.ts';

export interface ServiceStackProps extends StackProps {
  config: MyTabsConfig;
  service: LoadedManifest;
  /** The event catalog, by detail type: subscriptions take their patterns from it. */
  events: Record<string, EventContract>;
  /** The monorepo root esbuild bundles from. */
  projectRoot: string;
}

const uniqueId = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** One service's resources, all derived from its manifest. */
export class ServiceStack extends Stack {
  readonly functions: Record<string, ServiceFunction> = {};
  readonly table?: ServiceTable;
  readonly userPool?: ServiceUserPool;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { manifest, dir } = props.service;
    const protect = config.stage === 'prod';
    const logRetention = protect ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH;

    if (manifest.table)
      this.table = new ServiceTable(this, 'Table', { spec: manifest.table, protect });

    const secretNames = Object.fromEntries(
      manifest.secrets.map((s) => [s, secretName(config, manifest.service, s)]),
    );
    const { secrets } = new ServiceSecrets(this, 'Secrets', { names: secretNames, protect });

    const bus = EventBus.fromEventBusName(this, 'Bus', BUS_NAME);
    const nameOf = (ref: string) => functionName(config, ...splitRef(ref));
    const arnOf = (ref: string) =>
      this.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: nameOf(ref),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });

    const workflows: Record<string, { stateMachine: StateMachine; name: string }> = {};
    for (const [name, spec] of Object.entries(manifest.workflows)) {
      const smName = stateMachineName(config, manifest.service, name);
      const workflow = new Workflow(this, `Workflow${name}`, {
        stateMachineName: smName,
        spec,
        definitionPath: join(dir, spec.definition),
        functionArns: Object.fromEntries(
          Object.entries(spec.substitutions).map(([placeholder, ref]) => [placeholder, arnOf(ref)]),
        ),
        logRetention,
      });
      workflows[name] = { stateMachine: workflow.stateMachine, name: smName };
    }

    const emailIdentityArn = this.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: config.emailIdentity ?? config.domainName,
    });

    for (const [name, spec] of Object.entries(manifest.functions)) {
      const invoke = spec.uses.invoke ?? [];
      // The pool's variables are added once the pool exists (below): its triggers need these functions.
      const environment = functionEnvironment(
        manifest,
        { ...spec, uses: { ...spec.uses, userPool: false } },
        {
          tableName: this.table?.tableName,
          busName: BUS_NAME,
          secretIds: secretNames,
          functionNames: Object.fromEntries(invoke.map((ref) => [ref, nameOf(ref)])),
          workflowArns: Object.fromEntries(
            Object.entries(workflows).map(([w, wf]) => [w, wf.stateMachine.stateMachineArn]),
          ),
          emailFrom: `noreply@${config.domainName}`,
        },
      );
      const fn = new ServiceFunction(this, uniqueId(name), {
        functionName: functionName(config, manifest.service, name),
        entry: join(dir, spec.entry),
        projectRoot: props.projectRoot,
        memoryMb: spec.memoryMb,
        timeoutS: spec.timeoutS,
        environment,
        logRetention,
      });
      grantUses(fn.role, spec.uses, {
        table: this.table,
        bus,
        secrets,
        functionArns: Object.fromEntries(invoke.map((ref) => [ref, arnOf(ref)])),
        workflows,
        emailIdentityArn,
      });
      this.wireInvocations(fn, spec, bus, props.events);
      this.functions[name] = fn;
    }

    if (manifest.userPool) {
      const functions: Record<string, IFunction> = Object.fromEntries(
        Object.entries(this.functions).map(([n, f]) => [n, f.fn]),
      );
      this.userPool = new ServiceUserPool(this, 'UserPool', {
        spec: manifest.userPool,
        userPoolName: config.userPoolName ?? `${manifest.userPool.name}-${config.stage}`,
        callbackUrls: config.callbackUrls,
        logoutUrls: config.logoutUrls,
        functions,
        protect,
      });
      const variables = userPoolVariables(
        userPoolOf(this.userPool.userPool, this.userPool.clients),
      );
      for (const [name, spec] of Object.entries(manifest.functions)) {
        if (!spec.uses.userPool) continue;
        for (const [key, value] of Object.entries(variables)) {
          this.functions[name]?.fn.addEnvironment(key, value);
        }
      }
      new IdentityPool(this, 'IdentityPool', {
        identityPoolName: `${manifest.userPool.name}-identities-${config.stage}`,
        userPool: this.userPool.userPool,
        clients: this.userPool.clients,
      });
    }
  }

  /** Subscriptions and schedules: rules with retries and a dead-letter queue, plus async config. */
  private wireInvocations(
    fn: ServiceFunction,
    spec: FunctionSpec,
    bus: IEventBus,
    events: Record<string, EventContract>,
  ) {
    if (!spec.subscribe && !spec.schedule) return;
    const deadLetterQueue = new DeadLetterQueue(fn, 'DeadLetterQueue');
    fn.fn.configureAsyncInvoke({
      retryAttempts: spec.subscribe?.retryAttempts ?? 2,
      maxEventAge: spec.subscribe && Duration.seconds(spec.subscribe.maxEventAgeS),
      onFailure: new SqsDestination(deadLetterQueue),
    });
    if (spec.subscribe) {
      new EventSubscription(fn, 'Subscription', {
        bus,
        events: spec.subscribe.events.map((e) => {
          const contract = events[e];
          if (!contract) throw new Error(`${fn.node.path}: ${e} is not in the event catalog`);
          return contract;
        }),
        handler: fn.fn,
        retryAttempts: spec.subscribe.retryAttempts,
        maxEventAgeS: spec.subscribe.maxEventAgeS,
        deadLetterQueue,
      });
    }
    if (spec.schedule) {
      new ScheduledInvocation(fn, 'Schedule', {
        expression: spec.schedule,
        handler: fn.fn,
        deadLetterQueue,
      });
    }
  }
}
