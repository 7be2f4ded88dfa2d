import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { dynamodb } from '../../src/dynamodb/dynamodb-component.ts';
import { type PlatformOptions, startPlatform } from '../../src/platform.ts';
import { secretsManager } from '../../src/secrets/secrets-manager.ts';
import { ses } from '../../src/ses/ses-component.ts';

/** Folder whose `services/*` are the fixture services of the core tests. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/core', import.meta.url));

/** Fixed rather than taken from the machine's cores, so tests of concurrency mean the same anywhere. */
export const FIXTURE_WORKERS_PER_FUNCTION = 3;

/**
 * The core of the platform (Lambda, DynamoDB, SES, Secrets Manager) on free ports with the fixture
 * manifests; async retries shortened to milliseconds. The other components have their own tests.
 */
export const startFixturePlatform = async (lambda: PlatformOptions['lambda'] = {}) => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: (line) => lines.push(line),
    lambda: {
      retryBaseDelayMs: 20,
      maxWorkersPerFunction: FIXTURE_WORKERS_PER_FUNCTION,
      ...lambda,
    },
    components: [dynamodb, ses, secretsManager],
  });
  return { platform, lines };
};

/** SDK client settings for the edge: any credentials, one attempt (no hidden retries). */
export const clientConfig = (endpoint: string, accessKeyId = 'test') => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId, secretAccessKey: 'test' },
  maxAttempts: 1,
});
