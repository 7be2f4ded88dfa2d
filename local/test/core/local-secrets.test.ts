import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceManifest } from '@mytabs/contracts';
import { afterEach, expect, it } from 'vitest';
import { localPlan } from '../../src/local-plan.ts';
import { LocalSecrets } from '../../src/secrets/local-secrets.ts';

const { secrets } = localPlan([
  {
    manifest: ServiceManifest.parse({ service: 'alpha', secrets: ['order-token-key', 'api-key'] }),
    dir: '/nowhere',
  },
]);
let dir: string | undefined;
afterEach(() => dir && rm(dir, { recursive: true, force: true }));

it('keeps the seeded values in a data dir, so what was signed before a restart still verifies', async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-'));
  const first = new LocalSecrets(secrets, dir);
  const again = new LocalSecrets(secrets, dir);
  expect(again.value('order-token-key')).toBe(first.value('order-token-key'));
  expect(again.value('api-key')).toBe(first.value('api-key'));
});

it('seeds new values at every start without one', () => {
  expect(new LocalSecrets(secrets).value('order-token-key')).not.toBe(
    new LocalSecrets(secrets).value('order-token-key'),
  );
});
