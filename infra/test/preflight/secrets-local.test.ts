import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { catalog } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { resolvePlan } from '@mytabs/plan';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { formatReport } from '../../src/preflight/report.ts';
import { runPreflight } from '../../src/preflight/run-preflight.ts';
import { repoRoot } from '../build-app.ts';

/**
 * The secrets check end to end against the local platform's Secrets Manager: the stage `local`,
 * whose secrets are seeded with configured values. The other checks are not run: the platform
 * has no Route 53, ACM or SES account APIs to ask.
 */
let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
}, 60_000);
afterAll(() => local?.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

it('finds every secret of the local plan configured, reaching the platform by AWS_ENDPOINT_URL', async () => {
  vi.stubEnv('AWS_ENDPOINT_URL', local.endpoints.edge);
  const plan = resolvePlan({
    stage: 'local',
    services: await loadManifests(repoRoot),
    events: catalog,
    location: { partition: 'aws', region: 'us-east-1', account: '000000000000' },
    emailDomain: 'keeptabs.app',
  });
  expect(plan.secrets.length).toBeGreaterThan(0);

  const results = await runPreflight({
    stage: 'local',
    region: 'us-east-1',
    domain: 'keeptabs.app',
    secrets: plan.secrets,
    checks: ['secrets'],
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
  });

  expect(results).toEqual([
    {
      check: 'secrets',
      ok: `${plan.secrets.length} secrets of mytabs/local/ hold values`,
      findings: [],
    },
  ]);
  const report = formatReport(
    { stage: 'local', region: 'us-east-1', domain: 'keeptabs.app' },
    results,
  );
  const client = new SecretsManagerClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  for (const { name } of plan.secrets) {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: name }));
    expect(SecretString).toBeTruthy();
    expect(report).not.toContain(SecretString);
  }
  client.destroy();
});

it('reports the secrets of a stage the platform does not hold as not created', async () => {
  const results = await runPreflight({
    stage: 'other',
    region: 'us-east-1',
    domain: 'keeptabs.app',
    secrets: [
      {
        service: 'payments',
        key: 'stripe-secret-key',
        name: 'mytabs/other/payments/stripe-secret-key',
        kind: 'stripe-secret-key',
      },
    ],
    checks: ['secrets'],
    clientConfig: {
      endpoint: local.endpoints.edge,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    },
  });
  expect(results[0]?.findings).toEqual([
    {
      check: 'secrets',
      subject: 'mytabs/other/payments/stripe-secret-key',
      problem: 'not created',
      todo: 'deploy the stack first (MyTabs-Other-Payments)',
      blocking: true,
    },
  ]);
});
