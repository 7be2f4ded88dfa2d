import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, type FunctionSpec, tokenIsOptional } from '@mytabs/contracts';
import { Problem } from '@mytabs/contracts/api/problem';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import type { BuiltApp } from './build-app.ts';
import {
  apiPaths,
  functionByName,
  type Json,
  namesFunction,
  one,
  refId,
  resources,
  roleStatements,
} from './template-queries.ts';

type Fn = { service: string; spec: FunctionSpec; fnName: string };

const functionsOf = (built: BuiltApp): Fn[] =>
  built.stacks.plan.functions.map((f) => ({ service: f.service, spec: f.spec, fnName: f.name }));

/** A plan value as CloudFormation holds it: its tokens (pseudo parameters) rendered. */
const rendered = (built: BuiltApp, service: string, value: unknown) => {
  const stack = built.stacks.services[service];
  if (!stack) throw new Error(`no stack for ${service}`);
  return Stack.of(stack).resolve(value);
};

/** IAM grants a transaction by its items' actions (listed beside it), never by its own name. */
const tableIamActions = (spec: FunctionSpec) =>
  (spec.uses.table ?? [])
    .filter((a) => a !== 'TransactGetItems' && a !== 'TransactWriteItems')
    .map((a) => `dynamodb:${a}`)
    .sort();

/** The actions each `uses` entry may add to a function's role; nothing else may appear. */
const allowedActions = (spec: FunctionSpec) => {
  const { uses } = spec;
  const allowed = new Set([
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
  ]);
  const add = (...actions: string[]) => {
    for (const a of actions) allowed.add(a);
  };
  add(...tableIamActions(spec));
  if (uses.bus) add('events:PutEvents');
  if (uses.secrets?.length) add('secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret');
  if (uses.invoke?.length) add('lambda:InvokeFunction');
  if (uses.workflows?.length) {
    add('states:StartExecution', 'states:DescribeExecution', 'states:RedriveExecution');
  }
  if (uses.email) add('ses:SendEmail');
  // The on-failure destination of asynchronously invoked functions.
  if (spec.subscribe || spec.sesEvents || spec.schedule)
    add('sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl');
  return allowed;
};

/** A queue that is encrypted and refuses requests without TLS. */
const expectSafeQueue = (t: Template, queueId: string) => {
  const queue = t.toJSON().Resources[queueId];
  expect(queue?.Type).toBe('AWS::SQS::Queue');
  expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  const policies = resources(t, 'AWS::SQS::QueuePolicy').filter(([, p]) =>
    p.Queues.some((q: Json) => q.Ref === queueId),
  );
  const statements = policies.flatMap(([, p]) => p.PolicyDocument.Statement);
  expect(statements).toContainEqual(
    expect.objectContaining({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  );
};

/**
 * Checks that hold for any set of manifests: each walks the manifests and finds what they declare
 * in the synthesized templates, so a new route, subscription or function is covered as it lands.
 */
export const manifestChecks = (built: () => BuiltApp) => {
  it('synthesizes with no unacknowledged cdk-nag finding', () => {
    const dir = built().app.synth().directory;
    const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8'));
    expect(
      report.pluginReports.filter((r: Json) => !r.summary?.status?.includes('success')),
    ).toEqual([]);
  });

  it('puts the bus, its archive and every catalog schema in the platform stack', () => {
    const { stacks, config } = built();
    const t = Template.fromStack(stacks.platform);
    t.hasResourceProperties('AWS::Events::EventBus', { Name: stacks.plan.bus.name });
    const archive = one(resources(t, 'AWS::Events::Archive'), 'archive');
    expect(archive[1].ArchiveName).toBe(stacks.plan.archive.name);
    expect(archive[1].RetentionDays).toBe(config.archiveRetentionDays || undefined);
    for (const [detailType, contract] of Object.entries(catalog)) {
      const [, schema] = one(
        resources(t, 'AWS::EventSchemas::Schema').filter(([, p]) =>
          p.SchemaName.endsWith(`@${detailType}`),
        ),
        `schema of ${detailType}`,
      );
      expect(schema.Type).toBe('JSONSchemaDraft4');
      expect(JSON.parse(schema.Content)).toEqual(contract.jsonSchema());
    }
  });

  it('gives every table its name, point-in-time recovery, encryption and its manifest keys', () => {
    const { stacks, config } = built();
    for (const planned of stacks.plan.tables) {
      const [, table] = one(
        resources(built().serviceTemplate(planned.service), 'AWS::DynamoDB::GlobalTable'),
        `${planned.service} table`,
      );
      expect(table.TableName).toBe(planned.name);
      expect(table.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.SSESpecification).toMatchObject({ SSEEnabled: true });
      for (const replica of table.Replicas) {
        expect(replica.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
        expect(replica.DeletionProtectionEnabled ?? false).toBe(config.stage === 'prod');
      }
      expect(table.KeySchema).toContainEqual({
        AttributeName: planned.partitionKey.name,
        KeyType: 'HASH',
      });
      expect((table.GlobalSecondaryIndexes ?? []).map((i: Json) => i.IndexName).sort()).toEqual(
        planned.indexes.map((i) => i.name).sort(),
      );
    }
  });

  it('makes every function an arm64 nodejs24.x bundle with tracing, its log group and its own role', () => {
    const roles = new Set<string>();
    for (const { service, spec, fnName } of functionsOf(built())) {
      const t = built().serviceTemplate(service);
      const [, fn] = functionByName(t, fnName);
      expect(fn.Runtime).toBe('nodejs24.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.MemorySize).toBe(spec.memoryMb);
      expect(fn.Timeout).toBe(spec.timeoutS);
      expect(fn.Handler).toBe('index.handler');
      const logGroup = t.toJSON().Resources[refId(fn.LoggingConfig.LogGroup) as string];
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
      const roleId = refId(fn.Role) as string;
      expect(roles.has(`${service}/${roleId}`)).toBe(false);
      roles.add(`${service}/${roleId}`);
      const role = t.toJSON().Resources[roleId].Properties;
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(role.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
        Service: 'lambda.amazonaws.com',
      });
    }
  });

  it("grants every function exactly what its manifest's uses names, on those resources only", () => {
    const { stacks } = built();
    for (const planned of stacks.plan.functions) {
      const { spec, name: fnName } = planned;
      const t = built().serviceTemplate(planned.service);
      const [, fn] = functionByName(t, fnName);
      const statements = roleStatements(t, refId(fn.Role) as string);
      const actions = new Set(statements.flatMap((s) => s.actions));
      const allowed = allowedActions(spec);
      expect(
        [...actions].filter((a) => !allowed.has(a)),
        fnName,
      ).toEqual([]);
      for (const s of statements) {
        if (s.resources.includes('*')) {
          expect(
            s.actions.every((a) => a.startsWith('xray:')),
            fnName,
          ).toBe(true);
        }
      }
      const { uses } = spec;
      // Exactly the DynamoDB actions the manifest lists, as the plan carries them: the broad ones
      // (Scan, BatchWriteItem, DeleteItem) only where a function's code calls them.
      expect(planned.grants.table?.actions ?? [], fnName).toEqual(tableIamActions(spec));
      expect([...actions].filter((a) => a.startsWith('dynamodb:')).sort(), fnName).toEqual(
        planned.grants.table?.actions ?? [],
      );
      for (const broad of ['Scan', 'BatchWriteItem', 'DeleteItem'] as const) {
        expect(actions.has(`dynamodb:${broad}`), `${fnName} ${broad}`).toBe(
          Boolean(uses.table?.includes(broad)),
        );
      }
      expect(actions.has('events:PutEvents')).toBe(Boolean(uses.bus));
      expect(actions.has('ses:SendEmail')).toBe(Boolean(uses.email));
      expect(actions.has('states:StartExecution')).toBe(Boolean(uses.workflows?.length));

      const on = (action: string) =>
        statements.filter((s) => s.actions.includes(action)).flatMap((s) => s.resources);
      const invoked = on('lambda:InvokeFunction');
      expect(invoked).toHaveLength(planned.grants.invoke.length);
      for (const callee of planned.grants.invoke) {
        expect(
          invoked.some((r) => namesFunction(r, callee)),
          `${fnName} -> ${callee}`,
        ).toBe(true);
      }
      const secrets = t.toJSON().Resources;
      // A third-party secret by reference; a key of our own (made by the key resource) by name.
      const secretNames = on('secretsmanager:GetSecretValue').map((r) => {
        const id = refId(r);
        return id
          ? secrets[id].Properties.Name
          : /:secret:([a-z0-9/-]+)-\?{6}/.exec(JSON.stringify(r))?.[1];
      });
      expect(secretNames.sort()).toEqual([...planned.grants.secrets].sort());
      // Its own service's table only, and the indexes only where a Query or a Scan reads them.
      const tableResources = new Set(
        (planned.grants.table?.actions ?? []).flatMap(on).map((r) => JSON.stringify(r)),
      );
      if (planned.grants.table) {
        const [tableId] = one(
          resources(t, 'AWS::DynamoDB::GlobalTable'),
          `${planned.service} table`,
        );
        const arn = { 'Fn::GetAtt': [tableId, 'Arn'] };
        const indexes = { 'Fn::Join': ['', [arn, '/index/*']] };
        const readsIndexes = Boolean(uses.table?.some((a) => a === 'Query' || a === 'Scan'));
        expect(tableResources, fnName).toEqual(
          new Set([arn, ...(readsIndexes ? [indexes] : [])].map((r) => JSON.stringify(r))),
        );
      } else {
        expect(tableResources, fnName).toEqual(new Set());
      }
      for (const r of on('events:PutEvents')) {
        expect(JSON.stringify(r)).toContain(`:event-bus/${stacks.plan.bus.name}`);
      }
      if (uses.email) {
        expect(
          on('ses:SendEmail')
            .map((r) => JSON.stringify(r))
            .sort(),
        ).toEqual([
          expect.stringContaining(`:configuration-set/${stacks.plan.email.configurationSet.name}"`),
          expect.stringContaining(`:identity/${stacks.plan.email.identity}"`),
        ]);
      }
    }
  });

  it("gives every function the plan's environment, with no secret value", () => {
    for (const planned of built().stacks.plan.functions) {
      const t = built().serviceTemplate(planned.service);
      const [, fn] = functionByName(t, planned.name);
      const env = fn.Environment.Variables;
      expect(env).toEqual({
        ...rendered(built(), planned.service, planned.environment),
        NODE_OPTIONS: '--enable-source-maps',
        ...(planned.needsUserPoolVariables && {
          USER_POOL_ID: expect.anything(),
          USER_POOL_ISSUER: expect.anything(),
          USER_POOL_JWKS_URL: expect.anything(),
          USER_POOL_CLIENT_IDS: expect.anything(),
        }),
      });
      const text = JSON.stringify(env);
      expect(text).not.toMatch(/resolve:secretsmanager|SecretString|sk_(test|live)_|whsec_/);
      for (const value of Object.values<Json>(env)) {
        const id = refId(value);
        if (id) {
          expect(t.toJSON().Resources[id].Type).not.toBe('AWS::SecretsManager::Secret');
        }
      }
    }
  });

  it('makes every rule of the plan a rule with its name, bus, exact pattern, retries and dead-letter queue', () => {
    const { plan } = built().stacks;
    for (const planned of plan.rules) {
      const fnPlan = plan.functions.find((f) => f.name === planned.target.functionName);
      if (!fnPlan) throw new Error(`no function ${planned.target.functionName}`);
      const t = built().serviceTemplate(fnPlan.service);
      const [fnId] = functionByName(t, fnPlan.name);
      const [, rule] = one(
        resources(t, 'AWS::Events::Rule').filter(([, p]) => p.Name === planned.name),
        `rule ${planned.name}`,
      );
      if (planned.pattern) {
        // SES's events are on the default bus (no EventBusName), catalog events on the stage's.
        expect(rule.EventBusName).toBe(planned.bus === 'default' ? undefined : plan.bus.name);
        expect(rule.EventPattern).toEqual(planned.pattern);
      } else {
        expect(rule.EventBusName).toBeUndefined();
        expect(rule.ScheduleExpression).toBe(planned.schedule);
      }
      const target = one(rule.Targets as Json[], 'target');
      expect(refId(target.Arn)).toBe(fnId);
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: planned.target.retryAttempts,
        ...(planned.target.maxEventAgeS !== undefined && {
          MaximumEventAgeInSeconds: planned.target.maxEventAgeS,
        }),
      });
      const dlqId = refId(target.DeadLetterConfig.Arn) as string;
      expectSafeQueue(t, dlqId);
      expect(t.toJSON().Resources[dlqId].Properties.QueueName).toBe(planned.target.deadLetterQueue);
    }
    for (const planned of plan.functions) {
      if (!planned.asyncInvoke) continue;
      const t = built().serviceTemplate(planned.service);
      const [fnId] = functionByName(t, planned.name);
      const [, asyncConfig] = one(
        resources(t, 'AWS::Lambda::EventInvokeConfig').filter(
          ([, p]) => refId(p.FunctionName) === fnId,
        ),
        `async config of ${planned.name}`,
      );
      expect(asyncConfig.MaximumRetryAttempts).toBe(planned.asyncInvoke.retryAttempts);
      expect(asyncConfig.MaximumEventAgeInSeconds).toBe(planned.asyncInvoke.maxEventAgeS);
      const queueId = refId(asyncConfig.DestinationConfig.OnFailure.Destination) as string;
      expectSafeQueue(t, queueId);
      expect(t.toJSON().Resources[queueId].Properties.QueueName).toBe(
        planned.asyncInvoke.deadLetterQueue,
      );
    }
  });

  it("makes every workflow a traced state machine running the plan's definition, logged without buyers' data in prod", () => {
    const prod = built().config.stage === 'prod';
    for (const planned of built().stacks.plan.stateMachines) {
      const t = built().serviceTemplate(planned.service);
      const [, sm] = one(
        resources(t, 'AWS::StepFunctions::StateMachine').filter(
          ([, p]) => p.StateMachineName === planned.name,
        ),
        `workflow ${planned.workflow}`,
      );
      expect(sm.StateMachineType).toBe(planned.type);
      expect(sm.TracingConfiguration).toEqual({ Enabled: true });
      expect(sm.LoggingConfiguration).toMatchObject(
        prod
          ? { Level: 'ERROR', IncludeExecutionData: false }
          : { Level: 'ALL', IncludeExecutionData: true },
      );
      expect(sm.DefinitionString).toEqual(rendered(built(), planned.service, planned.definition));
      const invoked = roleStatements(t, refId(sm.RoleArn) as string)
        .filter((s) => s.actions.includes('lambda:InvokeFunction'))
        .flatMap((s) => s.resources);
      expect(invoked).toEqual(rendered(built(), planned.service, planned.invokes));
    }
  });

  it('builds the user pool, its groups, clients, triggers and identity pool as the manifest says', () => {
    const { stacks, config } = built();
    const planned = stacks.plan.userPool;
    if (planned) {
      const { spec } = planned;
      const t = built().serviceTemplate(planned.service);
      const [poolId, pool] = one(resources(t, 'AWS::Cognito::UserPool'), 'user pool');
      expect(pool.UserPoolName).toBe(planned.name);
      expect(pool.MfaConfiguration).toBe(spec.mfa.toUpperCase());
      expect(pool.Policies.PasswordPolicy).toMatchObject({
        MinimumLength: spec.passwordPolicy.minLength,
        RequireLowercase: spec.passwordPolicy.requireLowercase,
        RequireUppercase: spec.passwordPolicy.requireUppercase,
        RequireNumbers: spec.passwordPolicy.requireDigits,
        RequireSymbols: spec.passwordPolicy.requireSymbols,
      });
      if (spec.signInWith.includes('email')) expect(pool.UsernameAttributes).toContain('email');
      const keptUntilVerified = spec.keepOriginalUntilVerified.map((a) =>
        a === 'phone' ? 'phone_number' : a,
      );
      expect(
        pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
      ).toEqual(keptUntilVerified);
      expect(pool.AutoVerifiedAttributes ?? []).toEqual(expect.arrayContaining(keptUntilVerified));
      for (const [trigger, fnName] of Object.entries(planned.triggers)) {
        const key = {
          postConfirmation: 'PostConfirmation',
          preTokenGeneration: 'PreTokenGeneration',
        }[trigger] as string;
        const [fnId] = functionByName(t, fnName);
        expect(refId(pool.LambdaConfig[key])).toBe(fnId);
      }
      expect(
        resources(t, 'AWS::Cognito::UserPoolGroup')
          .map(([, g]) => g.GroupName)
          .sort(),
      ).toEqual([...spec.groups].sort());
      const clients = resources(t, 'AWS::Cognito::UserPoolClient');
      const authorizer = stacks.plan.authorizer;
      const authorizerEnv =
        authorizer && functionByName(t, authorizer.functionName)[1].Environment.Variables;
      if (authorizerEnv) {
        expect(JSON.stringify(authorizerEnv.USER_POOL_ISSUER)).toContain(`{"Ref":"${poolId}"}`);
        expect(JSON.stringify(authorizerEnv.USER_POOL_JWKS_URL)).toContain(
          '/.well-known/jwks.json',
        );
      }
      for (const client of spec.clients) {
        const [clientId, c] = one(
          clients.filter(([, p]) => p.ClientName === client.name),
          `client ${client.name}`,
        );
        expect(refId(c.UserPoolId)).toBe(poolId);
        if (authorizerEnv) {
          expect(JSON.stringify(authorizerEnv.USER_POOL_CLIENT_IDS)).toContain(
            `{"Ref":"${clientId}"}`,
          );
        }
        expect(c.GenerateSecret).toBe(false);
        if (client.oAuth) {
          expect(c.AllowedOAuthFlows).toEqual(
            client.oAuth.flows.map((f) => (f === 'authorizationCodeGrant' ? 'code' : 'implicit')),
          );
          expect([...c.AllowedOAuthScopes].sort()).toEqual([...client.oAuth.scopes].sort());
          expect(c.CallbackURLs).toEqual(config.callbackUrls ?? client.oAuth.callbackUrls);
          expect(c.LogoutURLs).toEqual(config.logoutUrls ?? client.oAuth.logoutUrls);
        }
        const [, identityPool] = one(resources(t, 'AWS::Cognito::IdentityPool'), 'identity pool');
        expect(identityPool.AllowUnauthenticatedIdentities).toBe(false);
        expect(
          identityPool.CognitoIdentityProviders.some((p: Json) => refId(p.ClientId) === clientId),
        ).toBe(true);
      }
    }
  });

  it('wires every route to its function, with the authorizer where its auth mode asks', () => {
    const { stacks } = built();
    const { plan } = stacks;
    const routes = functionsOf(built()).filter((f) => f.spec.http);
    if (routes.length === 0) {
      expect(stacks.api).toBeUndefined();
      return;
    }
    if (!stacks.api) throw new Error('routes but no API stack');
    const t = Template.fromStack(stacks.api);
    const paths = apiPaths(t);
    const methods = resources(t, 'AWS::ApiGateway::Method');
    const owner = plan.authorizer;
    const authorizers = resources(t, 'AWS::ApiGateway::Authorizer');
    for (const { spec, fnName } of routes) {
      const http = spec.http as NonNullable<FunctionSpec['http']>;
      const [, method] = one(
        methods.filter(
          ([, m]) => m.HttpMethod === http.method && paths.get(m.ResourceId.Ref) === http.path,
        ),
        `${http.method} ${http.path}`,
      );
      expect(method.Integration.Type).toBe('AWS_PROXY');
      expect(namesFunction(method.Integration.Uri, fnName)).toBe(true);
      if (http.auth === 'public') {
        expect(method.AuthorizationType).toBe('NONE');
        expect(method.AuthorizerId).toBeUndefined();
      } else {
        if (!owner) throw new Error('a protected route but no authorizer');
        expect(method.AuthorizationType).toBe('CUSTOM');
        const authorizer = authorizers.find(([id]) => id === refId(method.AuthorizerId))?.[1];
        // An optional token: no identity source (the authorizer runs on every request, which API
        // Gateway allows only uncached); otherwise the Authorization header, cached as declared.
        expect(authorizer).toMatchObject(
          tokenIsOptional(http.auth)
            ? { Type: 'REQUEST', IdentitySource: '', AuthorizerResultTtlInSeconds: 0 }
            : {
                Type: 'REQUEST',
                IdentitySource: 'method.request.header.Authorization',
                AuthorizerResultTtlInSeconds: owner.cacheTtlS,
              },
        );
        expect(namesFunction(authorizer.AuthorizerUri, owner.functionName)).toBe(true);
      }
      expect(
        resources(t, 'AWS::Lambda::Permission').some(
          ([, p]) =>
            p.Principal === 'apigateway.amazonaws.com' && namesFunction(p.FunctionName, fnName),
        ),
      ).toBe(true);
    }
  });

  it('keeps every trace of the routes whose manifest says keepTraces, and no other', () => {
    const { stacks } = built();
    if (!stacks.api) return;
    const kept = stacks.plan.functions.flatMap((f) =>
      f.spec.http?.keepTraces ? [`${f.spec.http.method} ${f.spec.http.path}`] : [],
    );
    const rules = resources(Template.fromStack(stacks.api), 'AWS::XRay::SamplingRule').map(
      ([, r]) => r.SamplingRule,
    );
    expect(
      rules.map((r: Json) => `${r.HTTPMethod} ${r.URLPath.replaceAll('*', '{}')}`).sort(),
    ).toEqual(kept.map((k) => k.replace(/\{[^}]+\}/g, '{}')).sort());
    for (const rule of rules) {
      expect(rule).toMatchObject({
        FixedRate: 1,
        ServiceName: `${stacks.plan.api.name}/prod`,
        ServiceType: 'AWS::ApiGateway::Stage',
      });
      expect(rule.RuleName.length).toBeLessThanOrEqual(32);
    }
    expect(new Set(rules.map((r: Json) => r.Priority)).size).toBe(rules.length);
  });

  it('answers API Gateway’s own errors in problem+json and protects the stage', () => {
    const { stacks } = built();
    if (!stacks.api) return;
    const t = Template.fromStack(stacks.api);
    const expected: Record<string, string> = {
      DEFAULT_4XX: '400',
      DEFAULT_5XX: '500',
      UNAUTHORIZED: '401',
      ACCESS_DENIED: '403',
      MISSING_AUTHENTICATION_TOKEN: '404',
      REQUEST_TOO_LARGE: '413',
      THROTTLED: '429',
    };
    const responses = resources(t, 'AWS::ApiGateway::GatewayResponse');
    for (const [type, status] of Object.entries(expected)) {
      const [, r] = one(
        responses.filter(([, p]) => p.ResponseType === type),
        `${type} response`,
      );
      expect(r.StatusCode).toBe(status);
      expect(r.ResponseParameters['gatewayresponse.header.Content-Type']).toBe(
        "'application/problem+json'",
      );
      const rendered = (r.ResponseTemplates['application/problem+json'] as string)
        .replace('$context.error.messageString', '"message"')
        .replace(/\$context\.[A-Za-z.]+/g, 'x');
      expect(Problem.parse(JSON.parse(rendered))).toMatchObject({ status: Number(status) });
    }

    const [stageId, stage] = one(resources(t, 'AWS::ApiGateway::Stage'), 'stage');
    expect(stage.StageName).toBe('prod');
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.AccessLogSetting.DestinationArn).toBeDefined();
    expect(stage.MethodSettings[0]).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    const [, plan] = one(resources(t, 'AWS::ApiGateway::UsagePlan'), 'usage plan');
    expect(plan.ApiStages[0].Stage.Ref).toBe(stageId);
    expect(plan.Throttle.RateLimit).toBeGreaterThan(0);

    const [aclId, acl] = one(resources(t, 'AWS::WAFv2::WebACL'), 'web ACL');
    expect(acl.Scope).toBe('REGIONAL');
    const groups = acl.Rules.map((r: Json) => r.Statement.ManagedRuleGroupStatement?.Name);
    expect(groups).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ]),
    );
    expect(acl.Rules.some((r: Json) => r.Statement.RateBasedStatement?.Limit > 0)).toBe(true);
    // The local API server answers a body over the plan's limit the same way.
    const { bodyLimit } = built().stacks.plan.api;
    const tooLarge = acl.Rules.find((r: Json) => r.Name === 'BodyTooLarge');
    expect(tooLarge.Statement.SizeConstraintStatement).toMatchObject({
      FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
      ComparisonOperator: 'GT',
      Size: bodyLimit.maxBytes,
    });
    expect(tooLarge.Action.Block.CustomResponse).toEqual({
      ResponseCode: bodyLimit.answer.status,
      CustomResponseBodyKey: 'BodyTooLarge',
    });
    expect(acl.CustomResponseBodies.BodyTooLarge).toEqual({
      ContentType: 'APPLICATION_JSON',
      Content: bodyLimit.answer.body,
    });
    expect(acl.AssociationConfig.RequestBody.API_GATEWAY.DefaultSizeInspectionLimit).toBe(
      `KB_${bodyLimit.maxBytes / 1024}`,
    );
    const [, association] = one(resources(t, 'AWS::WAFv2::WebACLAssociation'), 'ACL association');
    expect(refId(association.WebACLArn)).toBe(aclId);
    expect(JSON.stringify(association.ResourceArn)).toContain(`"/stages/",{"Ref":"${stageId}"}`);
  });
};
