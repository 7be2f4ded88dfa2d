import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bodyTooLargeAnswer,
  type FunctionSpec,
  functionEnvironment,
  MAX_REQUEST_BODY_BYTES,
  sesEventPattern,
  sesEventTypes,
} from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { arnsIn, type Location } from './arns.ts';
import { fillSubstitutions } from './definition-substitutions.ts';
import type {
  EmailPlan,
  FunctionPlan,
  Plan,
  QueuePlan,
  RoutePlan,
  RulePlan,
  SamplingRulePlan,
  SecretPlan,
  StateMachinePlan,
  TablePlan,
  UserPoolPlan,
} from './plan.ts';
import { type ContractPatterns, subscriptionPattern } from './rule-pattern.ts';
import { secretKindOf } from './secret-kinds.ts';
import { stageNames } from './stage-names.ts';
import { tableIamActions } from './table-grant.ts';

export interface PlanInput {
  stage: string;
  services: readonly LoadedManifest[];
  /** The event catalog, by detail type: subscriptions take their patterns from it. */
  events: ContractPatterns;
  location: Location;
  /** Functions that send email send from `noreply@<emailDomain>` (SES identity: the domain). */
  emailDomain: string;
  /** Today's user pool keeps its name where a deployment says so; the stage's name otherwise. */
  userPoolName?: string;
}

/**
 * Every type is binary to API Gateway: a function's base64 answer (a PDF, a wallet pass) is
 * decoded for the client only when the request's first `Accept` type is listed, and a browser
 * opening an email's link asks for `text/html` first. So every request body reaches a handler
 * base64-encoded (`isBase64Encoded`); the kit's `httpHandler` decodes it before parsing.
 */
const BINARY_MEDIA_TYPES = ['*/*'];

/** What both runtimes' Lambda retries of an asynchronous invocation are when no subscription says. */
const DEFAULT_ASYNC_RETRIES = 2;
/** SQS's longest retention: a failure is still there after a two-week holiday. */
const DEAD_LETTER_RETENTION_S = 14 * 86_400;
/** The seed's senders, by local part: automatic mail, and the address people answer. */
const SENDERS = ['noreply', 'support'];

/**
 * The whole of one stage from the manifests and the event catalog: every resource with its final
 * name, every function's environment and grants, every rule's exact pattern, every workflow's
 * definition with its placeholders filled. Pure but for reading the workflows' ASL files.
 */
export const resolvePlan = (input: PlanInput): Plan => {
  const names = stageNames(input.stage);
  const arns = arnsIn(input.location);
  const manifests = input.services.map((s) => s.manifest);
  const declared = new Set(
    manifests.flatMap((m) => Object.keys(m.functions).map((fn) => `${m.service}.${fn}`)),
  );
  /** The name of the function `service.function` names; `where` says who named it. */
  const functionNameOf = (ref: string, where: string) => {
    if (!declared.has(ref)) throw new Error(`${where}: ${ref} is not a function of any manifest`);
    const [service = '', fn = ''] = ref.split('.');
    return names.function(service, fn);
  };

  const tables: TablePlan[] = manifests.flatMap((m) =>
    m.table
      ? [
          {
            ...m.table,
            service: m.service,
            name: names.table(m.service),
            arn: arns.table(names.table(m.service)),
          },
        ]
      : [],
  );
  const secrets: SecretPlan[] = manifests.flatMap((m) =>
    m.secrets.map((key) => ({
      service: m.service,
      key,
      name: names.secret(m.service, key),
      kind: secretKindOf(key),
    })),
  );

  const stateMachines: StateMachinePlan[] = input.services.flatMap(({ manifest, dir }) =>
    Object.entries(manifest.workflows).map(([workflow, spec]) => {
      const name = names.stateMachine(manifest.service, workflow);
      const path = join(dir, spec.definition);
      const functionArns = Object.fromEntries(
        Object.entries(spec.substitutions).map(([placeholder, ref]) => [
          placeholder,
          arns.function(functionNameOf(ref, `${path}: substitution ${placeholder}`)),
        ]),
      );
      return {
        service: manifest.service,
        workflow,
        name,
        arn: arns.stateMachine(name),
        type: spec.type,
        source: path,
        definition: fillSubstitutions(readFileSync(path, 'utf8'), functionArns, path),
        invokes: [...new Set(Object.values(functionArns))].sort(),
      };
    }),
  );

  const emailFrom = `noreply@${input.emailDomain}`;
  const triggered = (spec: FunctionSpec) =>
    Boolean(spec.subscribe || spec.sesEvents || spec.schedule);
  const functions: FunctionPlan[] = input.services.flatMap(({ manifest, dir }) =>
    Object.entries(manifest.functions).map(([key, spec]) => {
      const name = names.function(manifest.service, key);
      const { uses } = spec;
      /** Its async retries are its subscription's (catalog or SES events), else the default. */
      const heard = spec.subscribe ?? spec.sesEvents;
      const environment = functionEnvironment(
        manifest,
        { ...spec, uses: { ...uses, userPool: false } },
        {
          ...(manifest.table && { tableName: names.table(manifest.service) }),
          busName: names.bus,
          secretIds: Object.fromEntries(
            manifest.secrets.map((s) => [s, names.secret(manifest.service, s)]),
          ),
          functionNames: Object.fromEntries(
            (uses.invoke ?? []).map((ref) => [
              ref,
              functionNameOf(ref, `${manifest.service}.${key}`),
            ]),
          ),
          workflowArns: Object.fromEntries(
            Object.keys(manifest.workflows).map((w) => [
              w,
              arns.stateMachine(names.stateMachine(manifest.service, w)),
            ]),
          ),
          emailFrom,
          emailConfigurationSet: names.configurationSet,
        },
      );
      return {
        ref: `${manifest.service}.${key}`,
        service: manifest.service,
        key,
        name,
        arn: arns.function(name),
        entry: join(dir, spec.entry),
        memoryMb: spec.memoryMb,
        timeoutS: spec.timeoutS,
        environment: { ...environment, POWERTOOLS_METRICS_NAMESPACE: names.metricsNamespace },
        needsUserPoolVariables: Boolean(uses.userPool),
        grants: {
          ...(uses.table && {
            table: {
              name: names.table(manifest.service),
              actions: tableIamActions(uses.table),
            },
          }),
          ...(uses.bus && { bus: names.bus }),
          secrets: (uses.secrets ?? []).map((s) => names.secret(manifest.service, s)),
          invoke: (uses.invoke ?? []).map((ref) =>
            functionNameOf(ref, `${manifest.service}.${key}`),
          ),
          workflows: (uses.workflows ?? []).map((w) => names.stateMachine(manifest.service, w)),
          email: Boolean(uses.email),
        },
        invokedBy: spec.invokedBy ?? [],
        ...(triggered(spec) && {
          asyncInvoke: {
            retryAttempts: heard?.retryAttempts ?? DEFAULT_ASYNC_RETRIES,
            ...(heard && { maxEventAgeS: heard.maxEventAgeS }),
            deadLetterQueue: names.deadLetterQueue(manifest.service, key),
          },
        }),
        spec,
      };
    }),
  );

  const deadLetterQueues: QueuePlan[] = functions.flatMap((fn) =>
    fn.asyncInvoke
      ? [
          {
            name: fn.asyncInvoke.deadLetterQueue,
            arn: arns.queue(fn.asyncInvoke.deadLetterQueue),
            functionName: fn.name,
            retentionS: DEAD_LETTER_RETENTION_S,
          },
        ]
      : [],
  );

  const rules: RulePlan[] = functions.flatMap((fn) => {
    const { subscribe, sesEvents, schedule } = fn.spec;
    const target = {
      id: fn.name,
      functionName: fn.name,
      functionArn: fn.arn,
      deadLetterQueue: names.deadLetterQueue(fn.service, fn.key),
    };
    const planned: RulePlan[] = [];
    if (subscribe) {
      planned.push({
        name: names.subscriptionRule(fn.service, fn.key),
        bus: names.bus,
        pattern: subscriptionPattern(subscribe.events, input.events, fn.ref),
        description: `${fn.ref} subscribes to ${subscribe.events.join(', ')}`,
        target: {
          ...target,
          retryAttempts: subscribe.retryAttempts,
          maxEventAgeS: subscribe.maxEventAgeS,
        },
      });
    }
    if (sesEvents) {
      planned.push({
        name: names.sesEventsRule(fn.service, fn.key),
        bus: 'default',
        pattern: sesEventPattern(sesEvents.events),
        description: `${fn.ref} subscribes to SES's ${sesEvents.events.join(', ')}`,
        target: {
          ...target,
          retryAttempts: sesEvents.retryAttempts,
          maxEventAgeS: sesEvents.maxEventAgeS,
        },
      });
    }
    if (schedule) {
      planned.push({
        name: names.scheduleRule(fn.service, fn.key),
        bus: 'default',
        schedule,
        description: `${fn.ref} runs on ${schedule}`,
        target: { ...target, retryAttempts: DEFAULT_ASYNC_RETRIES },
      });
    }
    return planned;
  });

  const routes: RoutePlan[] = functions.flatMap((fn) =>
    fn.spec.http
      ? [
          {
            method: fn.spec.http.method,
            path: fn.spec.http.path,
            auth: fn.spec.http.auth,
            functionName: fn.name,
            retentionS: DEAD_LETTER_RETENTION_S,
          },
        ]
      : [],
  );

  const samplingRules: SamplingRulePlan[] = functions
    .flatMap((fn) => (fn.spec.http?.keepTraces ? [fn.spec.http] : []))
    .map((route, i) => ({
      name: names.samplingRule(i + 1),
      priority: i + 1,
      method: route.method,
      urlPath: route.path.replace(/\{[^}]+\}/g, '*'),
    }));

  const authorizerOwner = manifests.find((m) => m.authorizer);
  const userPoolOwner = manifests.find((m) => m.userPool);
  const userPool: UserPoolPlan | undefined = userPoolOwner?.userPool && {
    service: userPoolOwner.service,
    name: input.userPoolName ?? names.userPool(userPoolOwner.userPool.name),
    identityPoolName: names.identityPool(userPoolOwner.userPool.name),
    domainPrefix: names.userPoolDomainPrefix,
    spec: userPoolOwner.userPool,
    triggers: Object.fromEntries(
      Object.entries(userPoolOwner.userPool.triggers).flatMap(([trigger, fn]) =>
        fn ? [[trigger, names.function(userPoolOwner.service, fn)]] : [],
      ),
    ),
  };

  const sesEventsHeard = [
    ...new Set(functions.flatMap((fn) => fn.spec.sesEvents?.events ?? [])),
  ].sort();
  const email: EmailPlan = {
    identity: input.emailDomain,
    from: emailFrom,
    senders: SENDERS.map((local) => `${local}@${input.emailDomain}`),
    mailFromDomain: `mail.${input.emailDomain}`,
    configurationSet: {
      name: names.configurationSet,
      ...(sesEventsHeard.length > 0 && {
        eventDestination: {
          name: names.configurationSetEvents,
          bus: 'default',
          eventTypes: sesEventsHeard.map((detailType) => sesEventTypes[detailType]),
        },
      }),
    },
  };

  return {
    stage: input.stage,
    location: input.location,
    metricsNamespace: names.metricsNamespace,
    bus: { name: names.bus, arn: arns.bus(names.bus) },
    archive: { name: names.archive },
    schemaRegistry: { name: names.schemaRegistry },
    api: {
      name: names.api,
      binaryMediaTypes: BINARY_MEDIA_TYPES,
      bodyLimit: { maxBytes: MAX_REQUEST_BODY_BYTES, answer: bodyTooLargeAnswer },
    },
    tables,
    secrets,
    functions,
    rules,
    deadLetterQueues,
    stateMachines,
    routes,
    samplingRules,
    ...(authorizerOwner?.authorizer && {
      authorizer: {
        functionName: names.function(authorizerOwner.service, authorizerOwner.authorizer),
        cacheTtlS: authorizerOwner.authorizerCacheTtlS,
        name: `${names.api}-authorizer`,
        optionalName: `${names.api}-optional-authorizer`,
      },
    }),
    ...(userPool && { userPool }),
    email,
  };
};
