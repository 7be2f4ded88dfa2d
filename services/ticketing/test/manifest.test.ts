import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { expect, it } from 'vitest';
import { manifest } from '../src/manifest.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

it('declares its table and agrees with every other manifest', async () => {
  const loaded = await loadManifests(repoRoot);
  expect(loaded.find((l) => l.manifest.service === 'ticketing')?.manifest).toEqual(manifest);
  expect(manifest.table?.partitionKey.name).toBeTruthy();
});
