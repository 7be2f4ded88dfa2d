import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { components } from '../../src/components.ts';
import { localNames } from '../../src/naming.ts';
import { EDGE_PORT } from '../../src/platform.ts';
import { clientConfig, fixtureRoot } from './fixture-platform.ts';

const localDir = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
/** Every port of `npm start` moved to a free one, whichever components the platform has. */
const freePorts = Object.fromEntries(
  [EDGE_PORT, ...components.flatMap((c) => (c.port ? [c.port] : []))].map((p) => [p.envVar, '0']),
);

interface Started {
  child: ChildProcess;
  endpoints: Record<string, string>;
  output: () => string;
}

/**
 * `tsx src/main.ts` as `npm start` runs it, on free ports, over the fixture services (or, with
 * `root: 'repository'`, the repository's, seeded); resolves once it printed its endpoints.
 */
const start = (
  args: string[],
  env: Record<string, string> = {},
  root: 'fixtures' | 'repository' = 'fixtures',
) =>
  new Promise<Started>((resolve, reject) => {
    const rootArgs = root === 'fixtures' ? ['--root', fixtureRoot] : [];
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts', ...rootArgs, ...args], {
      cwd: localDir,
      env: {
        ...process.env,
        ...freePorts,
        ...env,
      },
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ctrl-C stops it.')) return;
      const endpoints = Object.fromEntries(
        [...output.matchAll(/^ {2}(\w+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      resolve({ child, endpoints, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before it was ready:\n${output}`)),
    );
  });

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mytabs-core-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it('answers /health, stops on SIGTERM within 5 s with every port freed, and keeps --data-dir tables', async () => {
  const first = await start(['--data-dir', dataDir]);
  const edge = first.endpoints.edge ?? '';
  expect(first.endpoints.ses).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${edge}/health`)).status).toBe(200);
  const client = new DynamoDBClient(clientConfig(edge));
  await DynamoDBDocumentClient.from(client).send(
    new PutCommand({
      TableName: localNames.table('alpha'),
      Item: { pk: 'kept', sk: 'across-restarts' },
    }),
  );
  client.destroy();

  const stopped = Date.now();
  const exited = exitOf(first.child);
  first.child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - stopped).toBeLessThan(5_000);
  for (const url of Object.values(first.endpoints)) {
    expect(await portIsFree(Number(new URL(url).port))).toBe(true);
  }

  const second = await start(['--data-dir', dataDir]);
  const again = new DynamoDBClient(clientConfig(second.endpoints.edge ?? ''));
  const { Item } = await DynamoDBDocumentClient.from(again).send(
    new GetCommand({
      TableName: localNames.table('alpha'),
      Key: { pk: 'kept', sk: 'across-restarts' },
    }),
  );
  again.destroy();
  expect(Item).toEqual({ pk: 'kept', sk: 'across-restarts' });
  const secondExit = exitOf(second.child);
  second.child.kill('SIGTERM');
  expect(await secondExit).toBe(0);
});

it('names a busy port in one line and exits non-zero', async () => {
  const blocker = createServer();
  const port = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
  );
  try {
    const failed = start([], { MYTABS_EDGE_PORT: String(port) });
    const error = await failed.then(
      () => new Error('started on a busy port'),
      (e: Error) => e,
    );
    const lines = error.message.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe('exited with 1 before it was ready:');
    expect(lines.slice(1)).toEqual([
      `Port ${port} (AWS edge) is already in use: stop what holds it or set MYTABS_EDGE_PORT to another port.`,
    ]);
  } finally {
    blocker.close();
  }
});

it('says it is ready once the demo event is published: a client calling at once finds it', async () => {
  const started = await start([], {}, 'repository');
  try {
    const api = started.endpoints.api ?? '';
    expect((await fetch(`${api}/health`)).status).toBe(200);
    const { items } = (await (await fetch(`${api}/events`)).json()) as {
      items: Array<{ name: string }>;
    };
    expect(items.map((e) => e.name)).toContain('Winter Lights Concert');
    expect(started.output().indexOf('ready')).toBeGreaterThan(
      started.output().indexOf('createTicketType'),
    );
  } finally {
    const exited = exitOf(started.child);
    started.child.kill('SIGTERM');
    await exited;
  }
}, 60_000);
