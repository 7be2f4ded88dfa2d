import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFunctionBundles } from '../../src/lambda/function-bundles.ts';

/** A one-function service written for this test, bundled into a set of its own. */
let dir: string;
const entry = () => join(dir, 'src', 'handlers', 'answer.ts');
const write = (version: number) =>
  writeFile(entry(), `export const handler = async () => ({ version: ${version} });\n`);
const build = () => buildFunctionBundles([{ name: 'scratch-answer', entry: entry() }]);
/** `<set>/<build>/` of a build. */
const buildDirOf = (built: { runner: string }) => dirname(built.runner);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mytabs-bundle-reuse-'));
  await mkdir(dirname(entry()), { recursive: true });
  await write(1);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('reuses a build from whatever folder the next platform starts in', async () => {
  const first = await build();
  const cwd = process.cwd();
  process.chdir(dir);
  const second = await build().finally(() => process.chdir(cwd));
  await Promise.all([first.dispose(), second.dispose()]);

  expect(first.reused).toBe(false);
  expect(second.reused).toBe(true);
  expect(second.runner).toBe(first.runner);
});

it('keeps builds a platform still runs, and removes the others once a new build exists', async () => {
  const running = await build();
  await write(2);
  const next = await build();
  expect(next.reused).toBe(false);
  expect(existsSync(buildDirOf(running))).toBe(true);

  await running.dispose();
  await write(3);
  const last = await build();
  expect(existsSync(buildDirOf(running))).toBe(false);
  expect(existsSync(buildDirOf(next))).toBe(true);

  await Promise.all([next.dispose(), last.dispose()]);
});
