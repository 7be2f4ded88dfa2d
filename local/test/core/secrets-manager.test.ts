import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../src/platform.ts';
import { clientConfig, startFixturePlatform } from './fixture-platform.ts';

let platform: Platform;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  ({ platform } = await startFixturePlatform());
  secrets = new SecretsManagerClient(clientConfig(platform.endpoints.edge ?? ''));
});
afterAll(async () => {
  secrets?.destroy();
  await platform?.close();
});

it('seeds every secret the manifests name with a local value of the right shape', async () => {
  const value = async (SecretId: string) =>
    (await secrets.send(new GetSecretValueCommand({ SecretId }))).SecretString;
  expect(await value('mytabs/local/alpha/stripe-secret-key')).toMatch(/^sk_test_/);
  const webhookSecret = await value('mytabs/local/alpha/stripe-webhook-secret');
  expect(webhookSecret).toMatch(/^whsec_[0-9a-f]{48}$/);
  expect(platform.secrets.value('stripe-webhook-secret')).toBe(webhookSecret);
  expect(
    Buffer.from((await value('mytabs/local/alpha/order-token-signing-key')) ?? '', 'base64url'),
  ).toHaveLength(32);
});

it('finds a secret by name or ARN and describes it', async () => {
  const byName = await secrets.send(
    new GetSecretValueCommand({ SecretId: 'mytabs/local/alpha/stripe-secret-key' }),
  );
  expect(byName.ARN).toMatch(
    /^arn:aws:secretsmanager:us-east-1:000000000000:secret:mytabs\/local\/alpha\/stripe-secret-key-[0-9a-f]{6}$/,
  );
  expect(byName.VersionStages).toEqual(['AWSCURRENT']);
  const byArn = await secrets.send(new DescribeSecretCommand({ SecretId: byName.ARN }));
  expect(byArn).toMatchObject({ Name: 'mytabs/local/alpha/stripe-secret-key', ARN: byName.ARN });
  expect(byArn.CreatedDate).toBeInstanceOf(Date);
  expect(byArn.VersionIdsToStages).toEqual({ [byName.VersionId ?? '']: ['AWSCURRENT'] });
});

it('lists the secrets, by page and by name filter', async () => {
  const { SecretList = [] } = await secrets.send(new ListSecretsCommand({}));
  expect(SecretList.map((s) => s.Name)).toEqual([
    'mytabs/local/alpha/order-token-signing-key',
    'mytabs/local/alpha/stripe-secret-key',
    'mytabs/local/alpha/stripe-webhook-secret',
  ]);
  const first = await secrets.send(new ListSecretsCommand({ MaxResults: 2 }));
  expect(first.SecretList).toHaveLength(2);
  const second = await secrets.send(new ListSecretsCommand({ NextToken: first.NextToken }));
  expect(second.SecretList?.map((s) => s.Name)).toEqual([
    'mytabs/local/alpha/stripe-webhook-secret',
  ]);
  const stripe = await secrets.send(
    new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['mytabs/local/alpha/stripe'] }] }),
  );
  expect(stripe.SecretList).toHaveLength(2);
});

it('answers ResourceNotFoundException for a secret no manifest names', async () => {
  await expect(
    secrets.send(new GetSecretValueCommand({ SecretId: 'mytabs/nope' })),
  ).rejects.toBeInstanceOf(ResourceNotFoundException);
  await expect(
    secrets.send(new DescribeSecretCommand({ SecretId: 'mytabs/nope' })),
  ).rejects.toThrow("Secrets Manager can't find the specified secret.");
});
