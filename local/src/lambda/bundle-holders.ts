import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../pid-alive.ts';

/*
 * A build folder is about 200 MB (bundles with their source maps), and every change of the code
 * makes a new one. A platform holds the build it runs (its workers load bundles from it at each
 * cold start), and a new build removes every other build nobody holds.
 */

const HOLDERS = '.holders';

/** Marks `buildDir` as in use by this process until the release it answers is called. */
export const holdBuild = (buildDir: string) => {
  const holders = join(buildDir, HOLDERS);
  mkdirSync(holders, { recursive: true });
  const file = join(holders, `${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(file, '');
  return () => rmSync(file, { force: true });
};

const held = (buildDir: string) => {
  try {
    return readdirSync(join(buildDir, HOLDERS)).some((f) => isAlive(Number(f.split('-')[0])));
  } catch {
    return false;
  }
};

/** The build a set's next start reuses, named in its `current.json`. */
const currentOf = (setDir: string) => {
  try {
    return (JSON.parse(readFileSync(join(setDir, 'current.json'), 'utf8')) as { buildId: string })
      .buildId;
  } catch {
    return undefined;
  }
};

/** Removes, in every set under `bundlesDir`, the builds no running platform holds but the current. */
export const pruneUnheldBuilds = (bundlesDir: string) => {
  for (const set of readdirSync(bundlesDir, { withFileTypes: true })) {
    if (!set.isDirectory()) continue;
    const setDir = join(bundlesDir, set.name);
    const current = currentOf(setDir);
    for (const build of readdirSync(setDir, { withFileTypes: true })) {
      const buildDir = join(setDir, build.name);
      if (!build.isDirectory() || build.name === current || held(buildDir)) continue;
      rmSync(buildDir, { recursive: true, force: true });
    }
  }
};
