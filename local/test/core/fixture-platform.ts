import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { startPlatform } from '../../src/platform.ts';

/** Folder whose `services/*` are the fixture services of the core tests. */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/core', import.meta.url));

/** The platform on free ports with the fixture manifests; retries shortened to milliseconds. */
export const startFixturePlatform = async () => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: (line) => lines.push(line),
    lambda: { retryBaseDelayMs: 20 },
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
