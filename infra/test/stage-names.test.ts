import { Template } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
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
};

/** Every physical name the stage's stacks give, and stack names too. */
const physicalNames = async (stage: string) => {
  const built = await buildApp(repoRoot, { stage, 'aws:cdk:bundling-stacks': [] });
  const names: string[] = [];
  for (const stack of [
    built.stacks.platform,
    ...Object.values(built.stacks.services),
    ...(built.stacks.api ? [built.stacks.api] : []),
  ]) {
    names.push(stack.stackName);
    for (const resource of Object.values<Json>(Template.fromStack(stack).toJSON().Resources)) {
      const key = NAMES[resource.Type];
      const name = key && resource.Properties?.[key];
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
};

it('gives dev and prod no physical name in common, so both live in one account and region', async () => {
  const [dev, prod] = await Promise.all([physicalNames('dev'), physicalNames('prod')]);
  expect(dev.length).toBeGreaterThan(50);
  expect(dev.filter((name) => prod.includes(name))).toEqual([]);
}, 120_000);
