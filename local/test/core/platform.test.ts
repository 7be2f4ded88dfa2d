import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { expect, it } from 'vitest';
import { DataDirInUseError } from '../../src/data-dir-lock.ts';
import { PortInUseError } from '../../src/listen.ts';
import { startPlatform } from '../../src/platform.ts';
import { fixtureRoot } from './fixture-platform.ts';

it('refuses to start on a component port that is taken, naming its variable, and frees the rest', async () => {
  const blocker = createServer();
  const port = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
  );
  const lines: string[] = [];
  try {
    const failed = startPlatform({
      manifests: await loadManifests(fixtureRoot),
      ports: { ses: port },
      log: (line) => lines.push(line),
    });
    await expect(failed).rejects.toBeInstanceOf(PortInUseError);
    await expect(failed).rejects.toThrow(`Port ${port} (SES inbox) is already in use`);
    await expect(failed).rejects.toThrow('MYTABS_SES_PORT');
  } finally {
    blocker.close();
  }
});

it('answers an unknown service as AWS answers an unknown operation', async () => {
  const platform = await startPlatform({ manifests: [], components: [], log: () => {} });
  try {
    const response = await fetch(`${platform.endpoints.edge}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AmazonSQS.SendMessage' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const health = await fetch(`${platform.endpoints.edge}/health`);
    expect(health.status).toBe(200);
  } finally {
    await platform.close();
  }
});

it('refuses a data dir another platform holds, and frees it on close', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mytabs-lock-'));
  try {
    const first = await startPlatform({ manifests: [], dataDir, components: [], log: () => {} });
    await expect(
      startPlatform({ manifests: [], dataDir, components: [], log: () => {} }),
    ).rejects.toBeInstanceOf(DataDirInUseError);
    await first.close();
    const again = await startPlatform({ manifests: [], dataDir, components: [], log: () => {} });
    await again.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
