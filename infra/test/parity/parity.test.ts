import {
  APIGatewayClient,
  GetAuthorizersCommand,
  GetResourcesCommand,
  GetRestApisCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CognitoIdentityProviderClient,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeArchiveCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  ListArchivesCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
} from '@aws-sdk/client-eventbridge';
import {
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  LambdaClient,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isKeyResourceFunction } from '../../src/keys/generated-keys.ts';
import { type BuiltApp, buildApp, repoRoot } from '../build-app.ts';
import type { Json } from '../template-queries.ts';
import { differences } from './differences.ts';
import { ofType, type Resources, render, UNRESOLVED } from './template-reader.ts';

/**
 * What deploys against what runs: the CDK app synthesized for the local stage (names included)
 * and the local platform started from the same manifests, read back through the AWS APIs each
 * side answers, resource by resource. Whatever differs fails, naming the resource and both
 * values. The only differences allowed are ALLOWED below; the README lists the same.
 */

/** Every allowed difference, and why. Keep the README's list of differences the same. */
const ALLOWED = {
  /**
   * Source maps for stack traces: Lambda reads them from NODE_OPTIONS, the local workers get the
   * same flag as their own `execArgv` rather than as a variable.
   */
  awsOnlyVariables: ['NODE_OPTIONS'],
  /** The user pool's id, issuer, key set and client ids are each side's own pool's. */
  ownValues: ['USER_POOL_ID', 'USER_POOL_ISSUER', 'USER_POOL_JWKS_URL', 'USER_POOL_CLIENT_IDS'],
};

let built: BuiltApp;
let local: RepoPlatform;
let resources: Resources[];

const client = <C>(Client: new (config: object) => C): C =>
  new Client({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'parity', secretAccessKey: 'x' },
  });

beforeAll(async () => {
  [built, local] = await Promise.all([
    buildApp(repoRoot, { stage: 'local', 'aws:cdk:bundling-stacks': [] }),
    startRepoPlatform(),
  ]);
  const stacks: Stack[] = [
    built.stacks.platform,
    ...Object.values(built.stacks.services),
    ...(built.stacks.api ? [built.stacks.api] : []),
  ];
  resources = stacks.map((s) => Template.fromStack(s).toJSON().Resources);
}, 120_000);
afterAll(() => local?.close());

const byName = <T>(items: readonly T[], name: (item: T) => string, describe: (item: T) => Json) =>
  new Map(items.map((item) => [name(item), describe(item)]));

const environment = (variables: Record<string, Json>, side: 'aws' | 'local') =>
  Object.fromEntries(
    Object.entries(variables)
      .filter(([key]) => side === 'local' || !ALLOWED.awsOnlyVariables.includes(key))
      .map(([key, value]) => [key, ALLOWED.ownValues.includes(key) ? '<own pool>' : value]),
  );

const ruleKey = (bus: string | undefined, name: string) => `${bus ?? 'default'}/${name}`;

it('matches rules: name, bus, exact pattern or schedule, state, targets with retries and dead-letter queues', async () => {
  const aws = byName(
    ofType(resources, 'AWS::Events::Rule'),
    (r) => ruleKey(r.EventBusName, r.Name),
    (r) => ({
      pattern: r.EventPattern,
      schedule: r.ScheduleExpression,
      state: r.State,
      description: r.Description,
      targets: r.Targets.map((t: Json) => ({
        id: t.Id,
        arn: t.Arn,
        retry: t.RetryPolicy,
        deadLetterQueue: t.DeadLetterConfig?.Arn,
      })),
    }),
  );
  const events = client(EventBridgeClient);
  const { EventBuses = [] } = await events.send(new ListEventBusesCommand({}));
  const rules = [];
  for (const bus of EventBuses) {
    const { Rules = [] } = await events.send(new ListRulesCommand({ EventBusName: bus.Name }));
    for (const { Name, EventBusName } of Rules) {
      const rule = await events.send(new DescribeRuleCommand({ Name, EventBusName }));
      const { Targets = [] } = await events.send(
        new ListTargetsByRuleCommand({ Rule: Name, EventBusName }),
      );
      rules.push({ rule, targets: Targets });
    }
  }
  const localRules = byName(
    rules,
    ({ rule }) => ruleKey(rule.EventBusName, rule.Name ?? ''),
    ({ rule, targets }) => ({
      pattern: rule.EventPattern && JSON.parse(rule.EventPattern),
      schedule: rule.ScheduleExpression,
      state: rule.State,
      description: rule.Description,
      targets: targets.map((t) => ({
        id: t.Id,
        arn: t.Arn,
        retry: t.RetryPolicy,
        deadLetterQueue: t.DeadLetterConfig?.Arn,
      })),
    }),
  );
  expect(differences('rule', aws, localRules)).toEqual([]);
  // SES's events reach notifications by the one rule on the default bus, on both.
  expect([...localRules.keys()]).toContain(
    'default/mytabs-local-notifications-translateSesEvents-ses',
  );
});

it('matches the bus and its archive', async () => {
  const events = client(EventBridgeClient);
  const buses = await events.send(new ListEventBusesCommand({}));
  const aws = byName(
    ofType(resources, 'AWS::Events::EventBus'),
    (b) => b.Name,
    () => ({}),
  );
  const localBuses = byName(
    (buses.EventBuses ?? []).filter((b) => b.Name !== 'default'),
    (b) => b.Name ?? '',
    () => ({}),
  );
  const { Archives = [] } = await events.send(new ListArchivesCommand({}));
  const archives = await Promise.all(
    Archives.map((a) => events.send(new DescribeArchiveCommand({ ArchiveName: a.ArchiveName }))),
  );
  expect([
    ...differences('event bus', aws, localBuses),
    ...differences(
      'archive',
      byName(
        ofType(resources, 'AWS::Events::Archive'),
        (a) => a.ArchiveName,
        (a) => ({ source: a.SourceArn }),
      ),
      byName(
        archives,
        (a) => a.ArchiveName ?? '',
        (a) => ({ source: a.EventSourceArn }),
      ),
    ),
  ]).toEqual([]);
});

it('matches state machines: name, type and the definition with every ARN filled', async () => {
  const sfn = client(SFNClient);
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  const described = await Promise.all(
    stateMachines.map((m) =>
      sfn.send(new DescribeStateMachineCommand({ stateMachineArn: m.stateMachineArn })),
    ),
  );
  expect(
    differences(
      'state machine',
      byName(
        ofType(resources, 'AWS::StepFunctions::StateMachine'),
        (m) => m.StateMachineName,
        (m) => ({ type: m.StateMachineType, definition: JSON.parse(m.DefinitionString) }),
      ),
      byName(
        described,
        (m) => m.name ?? '',
        (m) => ({ type: m.type, definition: JSON.parse(m.definition ?? '') }),
      ),
    ),
  ).toEqual([]);
});

it('matches functions: memory, timeout, environment, and asynchronous retries with their destination', async () => {
  const lambda = client(LambdaClient);
  const names: string[] = [];
  for await (const page of paginateListFunctions({ client: lambda }, {})) {
    names.push(...(page.Functions ?? []).map((f) => f.FunctionName ?? ''));
  }
  const configured = await Promise.all(
    names.map(async (FunctionName) => ({
      configuration: await lambda.send(new GetFunctionConfigurationCommand({ FunctionName })),
      invokeConfig: await lambda
        .send(new GetFunctionEventInvokeConfigCommand({ FunctionName }))
        .catch((error: Error) => {
          if (error.name === 'ResourceNotFoundException') return undefined;
          throw error;
        }),
    })),
  );
  const invokeConfigs = new Map(
    ofType(resources, 'AWS::Lambda::EventInvokeConfig').map((c) => [
      c.FunctionName,
      {
        retries: c.MaximumRetryAttempts,
        maxEventAgeS: c.MaximumEventAgeInSeconds,
        onFailure: c.DestinationConfig?.OnFailure?.Destination,
      },
    ]),
  );
  expect(
    differences(
      'function',
      byName(
        ofType(resources, 'AWS::Lambda::Function').filter(
          (f) => !isKeyResourceFunction(f.FunctionName),
        ),
        (f) => f.FunctionName,
        (f) => ({
          memory: f.MemorySize,
          timeout: f.Timeout,
          environment: environment(f.Environment?.Variables ?? {}, 'aws'),
          async: invokeConfigs.get(f.FunctionName),
        }),
      ),
      byName(
        configured,
        ({ configuration }) => configuration.FunctionName ?? '',
        ({ configuration, invokeConfig }) => ({
          memory: configuration.MemorySize,
          timeout: configuration.Timeout,
          environment: environment(configuration.Environment?.Variables ?? {}, 'local'),
          async: invokeConfig && {
            retries: invokeConfig.MaximumRetryAttempts,
            maxEventAgeS: invokeConfig.MaximumEventAgeInSeconds,
            onFailure: invokeConfig.DestinationConfig?.OnFailure?.Destination,
          },
        }),
      ),
    ),
  ).toEqual([]);
});

it('matches queues: every dead-letter queue, its retention and encryption', async () => {
  const sqs = client(SQSClient);
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({}));
  const queues = await Promise.all(
    QueueUrls.map(async (QueueUrl) => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
      );
      return Attributes;
    }),
  );
  expect(
    differences(
      'queue',
      byName(
        ofType(resources, 'AWS::SQS::Queue'),
        (q) => q.QueueName,
        (q) => ({
          // SQS's defaults where the template sets nothing, as the queue would answer once made.
          retentionS: String(q.MessageRetentionPeriod ?? 345_600),
          visibilityTimeoutS: String(q.VisibilityTimeout ?? 30),
          sseSqs: String(q.SqsManagedSseEnabled ?? true),
        }),
      ),
      byName(
        queues,
        (q) => q.QueueArn?.split(':').at(-1) ?? '',
        (q) => ({
          retentionS: q.MessageRetentionPeriod,
          visibilityTimeoutS: q.VisibilityTimeout,
          sseSqs: q.SqsManagedSseEnabled,
        }),
      ),
    ),
  ).toEqual([]);
});

it('matches tables: keys and indexes', async () => {
  const dynamodb = client(DynamoDBClient);
  const { TableNames = [] } = await dynamodb.send(new ListTablesCommand({}));
  const tables = await Promise.all(
    TableNames.map(async (TableName) => {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName }));
      return Table ?? {};
    }),
  );
  const describe = (t: Json) => ({
    keys: t.KeySchema,
    attributes: [...(t.AttributeDefinitions ?? [])].sort((a: Json, b: Json) =>
      a.AttributeName.localeCompare(b.AttributeName),
    ),
    indexes: (t.GlobalSecondaryIndexes ?? [])
      .map((i: Json) => ({ name: i.IndexName, keys: i.KeySchema }))
      .sort((a: Json, b: Json) => a.name.localeCompare(b.name)),
  });
  expect(
    differences(
      'table',
      byName(ofType(resources, 'AWS::DynamoDB::GlobalTable'), (t) => t.TableName, describe),
      byName(tables, (t) => t.TableName ?? '', describe),
    ),
  ).toEqual([]);
});

it('matches secrets by name, our own keys (made by the key resource on AWS) included', async () => {
  const { SecretList = [] } = await client(SecretsManagerClient).send(new ListSecretsCommand({}));
  expect(
    differences(
      'secret',
      byName(
        [
          ...ofType(resources, 'AWS::SecretsManager::Secret').map((s) => s.Name),
          ...ofType(resources, 'Custom::GeneratedKey').map((k) => k.SecretName),
        ],
        (name) => name,
        () => ({}),
      ),
      byName(
        SecretList,
        (s) => s.Name ?? '',
        () => ({}),
      ),
    ),
  ).toEqual([]);
});

it('matches the user pool: its name, clients and groups', async () => {
  const cognito = client(CognitoIdentityProviderClient);
  const { UserPools = [] } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }));
  const pools = await Promise.all(
    UserPools.map(async (p) => ({
      name: p.Name ?? '',
      clients: (
        (await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: p.Id })))
          .UserPoolClients ?? []
      )
        .map((c) => c.ClientName)
        .sort(),
      groups: ((await cognito.send(new ListGroupsCommand({ UserPoolId: p.Id }))).Groups ?? [])
        .map((g) => g.GroupName)
        .sort(),
    })),
  );
  const ownedBy = (type: string, key: string) =>
    ofType(resources, type)
      .map((r) => r[key])
      .sort();
  expect(
    differences(
      'user pool',
      byName(
        ofType(resources, 'AWS::Cognito::UserPool'),
        (p) => p.UserPoolName,
        () => ({
          clients: ownedBy('AWS::Cognito::UserPoolClient', 'ClientName'),
          groups: ownedBy('AWS::Cognito::UserPoolGroup', 'GroupName'),
        }),
      ),
      byName(
        pools,
        (p) => p.name,
        ({ clients, groups }) => ({ clients, groups }),
      ),
    ),
  ).toEqual([]);
});

it('matches the API: its routes, each method’s authorizer and function, and the authorizers', async () => {
  const apigateway = client(APIGatewayClient);
  const { items: apis = [] } = await apigateway.send(new GetRestApisCommand({}));
  const [api] = apis;
  const { items: localResources = [] } = await apigateway.send(
    new GetResourcesCommand({ restApiId: api?.id, embed: ['methods'] }),
  );
  const { items: localAuthorizers = [] } = await apigateway.send(
    new GetAuthorizersCommand({ restApiId: api?.id }),
  );
  const authorizerNames = new Map(localAuthorizers.map((a) => [a.id, a.name]));

  const awsMethods = resources.flatMap((template) => {
    const pathOf = (id: string | undefined): string => {
      const resource = id ? template[id] : undefined;
      return resource?.Type === 'AWS::ApiGateway::Resource'
        ? `${pathOf(resource.Properties?.ParentId?.Ref)}/${resource.Properties?.PathPart}`
        : '';
    };
    return Object.values(template)
      .filter((r) => r.Type === 'AWS::ApiGateway::Method')
      .map((r) => ({
        key: `${r.Properties?.HttpMethod} ${pathOf(r.Properties?.ResourceId?.Ref) || '/'}`,
        ...render(r.Properties, template),
      }));
  });
  const describeMethod = (m: Json, authorizer: Json) => ({
    authorization: m.AuthorizationType ?? m.authorizationType,
    authorizer,
    integration: {
      type: m.Integration?.Type ?? m.methodIntegration?.type,
      uri: m.Integration?.Uri ?? m.methodIntegration?.uri,
    },
  });
  const describeAuthorizer = (a: Json) => ({
    type: a.Type ?? a.type,
    identitySource: a.IdentitySource ?? a.identitySource ?? '',
    ttl: a.AuthorizerResultTtlInSeconds ?? a.authorizerResultTtlInSeconds,
    uri: a.AuthorizerUri ?? a.authorizerUri,
  });
  const awsApis = ofType(resources, 'AWS::ApiGateway::RestApi');
  expect([
    ...differences(
      'REST API',
      byName(
        awsApis,
        (a) => a.Name,
        (a) => ({ binaryMediaTypes: a.BinaryMediaTypes ?? [] }),
      ),
      byName(
        apis,
        (a) => a.name ?? '',
        (a) => ({ binaryMediaTypes: a.binaryMediaTypes ?? [] }),
      ),
    ),
    ...differences(
      'route',
      byName(
        awsMethods,
        (m) => m.key,
        (m) => describeMethod(m, renderAuthorizer(m.AuthorizerId)),
      ),
      new Map(
        localResources.flatMap((r) =>
          Object.values(r.resourceMethods ?? {}).map((m) => [
            `${m.httpMethod} ${r.path}`,
            describeMethod(m, authorizerNames.get(m.authorizerId)),
          ]),
        ),
      ),
    ),
    ...differences(
      'authorizer',
      byName(ofType(resources, 'AWS::ApiGateway::Authorizer'), (a) => a.Name, describeAuthorizer),
      byName(localAuthorizers, (a) => a.name ?? '', describeAuthorizer),
    ),
  ]).toEqual([]);
});

/** A method's `AuthorizerId` rendered: the authorizer's name, as the local side names it too. */
const renderAuthorizer = (id: Json) => (id === UNRESOLVED ? undefined : id);
