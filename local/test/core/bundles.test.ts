import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineManifest } from '@mytabs/contracts';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { FunctionError } from '../../src/lambda/local-lambda.ts';
import { localNames } from '../../src/naming.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';

/** A service written for this test, in a folder of its own, run with `--watch`. */
let dir: string;
let platform: Platform;
const lines: string[] = [];
const handler = (version: string) =>
  `export const handler = async () => ({ version: '${version}', stack: new Error('where').stack });\n`;
const fn = (key: string) => localNames.function('scratch', key);

const source = (file: string) => join(dir, 'src', 'handlers', file);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mytabs-bundles-'));
  await mkdir(join(dir, 'src', 'handlers'), { recursive: true });
  await writeFile(source('answer.ts'), handler('first'));
  await writeFile(source('broken.ts'), 'export const handler = async () => {{;\n');
  platform = await startPlatform({
    manifests: [
      {
        dir,
        manifest: defineManifest({
          service: 'scratch',
          functions: {
            answer: { entry: 'src/handlers/answer.ts' },
            broken: { entry: 'src/handlers/broken.ts' },
          },
        }),
      },
    ],
    components: [],
    watch: true,
    log: (line) => lines.push(line),
  });
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

it('runs the bundle, whose stack traces name the TypeScript source', async () => {
  const answer = (await platform.lambda.call(fn('answer'), {})) as {
    version: string;
    stack: string;
  };
  expect(answer.version).toBe('first');
  expect(answer.stack).toMatch(/answer\.ts:1:\d+/);
});

it('fails a function whose code does not build with its error, and runs the others', async () => {
  const failure = await platform.lambda.call(fn('broken'), {}).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(FunctionError);
  expect((failure as FunctionError).payload).toMatchObject({
    errorType: 'Runtime.UserCodeSyntaxError',
    errorMessage: expect.stringMatching(/broken\.ts:\d+: /),
  });
});

it('with --watch, runs the new code from the next invocation after a change', async () => {
  await writeFile(source('answer.ts'), handler('second'));
  await vi.waitFor(
    async () => {
      const answer = (await platform.lambda.call(fn('answer'), {})) as { version: string };
      expect(answer.version).toBe('second');
    },
    { timeout: 20_000, interval: 200 },
  );
  expect(lines.some((l) => l.includes(`rebuilt ${fn('answer')}`))).toBe(true);
});
