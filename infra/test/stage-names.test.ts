import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, expect, it } from 'vitest';
import { buildApp, repoRoot } from './build-app.ts';
import type { Json } from './template-queries.ts';

/** Properties that name a resource within a whole account and region. */
const NAMES: Record<string, string> = {
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Archive': 'ArchiveName',
  'AWS::Events::Rule': 'Name',
  'AWS::EventSchemas::Registry': 'RegistryName',
  'AWS::SecretsManager::Secret': 'Name',
  'Custom::GeneratedKey': 'SecretName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Cognito::UserPool': 'UserPoolName',
  'AWS::Cognito::IdentityPool': 'IdentityPoolName',
  'AWS::ApiGateway::RestApi': 'Name',
  'AWS::ApiGateway::UsagePlan': 'UsagePlanName',
  'AWS::WAFv2::WebACL': 'Name',
  'AWS::CloudFront::Function': 'Name',
};

/** Names of the domain, which a stage takes only with `takeNames` (one account, one owner). */
const DOMAIN_NAMES: Record<string, (properties: Json) => string[]> = {
  'AWS::CloudFront::Distribution': (p) => p.DistributionConfig.Aliases ?? [],
  'AWS::ApiGateway::DomainName': (p) => [p.DomainName],
  'AWS::Route53::RecordSet': (p) => [`${p.Type} ${p.Name}`],
};

/** Every physical name the stage's stacks give, stack names too, and the domain's names. */
const physicalNames = async (context: Record<string, unknown>) => {
  const built = await buildApp(repoRoot, { ...context, 'aws:cdk:bundling-stacks': [] });
  const names: string[] = [];
  const domain: string[] = [];
  for (const stack of [
    built.stacks.platform,
    ...Object.values(built.stacks.services),
    ...(built.stacks.api ? [built.stacks.api] : []),
    ...(built.stacks.edge ? [built.stacks.edge] : []),
    ...(built.stacks.sites ? [built.stacks.sites] : []),
  ]) {
    names.push(stack.stackName);
    for (const resource of Object.values<Json>(Template.fromStack(stack).toJSON().Resources)) {
      const key = NAMES[resource.Type];
      const name = key && resource.Properties?.[key];
      if (typeof name === 'string') names.push(name);
      domain.push(...(DOMAIN_NAMES[resource.Type]?.(resource.Properties) ?? []));
    }
  }
  return { names, domain };
};

let dev: Awaited<ReturnType<typeof physicalNames>>;
let prod: Awaited<ReturnType<typeof physicalNames>>;
let devBeside: Awaited<ReturnType<typeof physicalNames>>;
let devOwnDomain: Awaited<ReturnType<typeof physicalNames>>;
beforeAll(async () => {
  [dev, prod, devBeside, devOwnDomain] = await Promise.all([
    physicalNames({ stage: 'dev' }),
    physicalNames({ stage: 'prod' }),
    physicalNames({ stage: 'dev', takeNames: 'false' }),
    physicalNames({ stage: 'dev', domainName: 'dev.keeptabs.app', hostedZoneName: 'keeptabs.app' }),
  ]);
}, 180_000);

it('gives dev and prod no physical name in common, so both live in one account and region', () => {
  expect(dev.names.length).toBeGreaterThan(50);
  expect(dev.names.filter((name) => prod.names.includes(name))).toEqual([]);
});

it("lets a second stage in the account take none of the domain's names, or names of its own", () => {
  // Both would hold keeptabs.app: CloudFront would refuse the second its aliases.
  expect(dev.domain).toEqual(prod.domain);
  expect(devBeside.domain).toEqual([]);
  expect(devOwnDomain.domain.length).toBe(prod.domain.length);
  expect(devOwnDomain.domain.filter((name) => prod.domain.includes(name))).toEqual([]);
});
