import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../pid-alive.ts';
import { readCurrent, unchanged } from './build-record.ts';

/*
 * A build folder is about 200 MB (bundles with their source maps), and every change of the code
 * makes a new one. A platform holds the build it runs (its workers load bundles from it at each
 * cold start), and a new build removes every build that nobody holds and no start would reuse.
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

/**
 * In every set under `bundlesDir`, removes the builds no running platform holds, but the set's
 * current build while what it was built from is unchanged; then the sets left empty.
 */
export const pruneBuilds = (bundlesDir: string) => {
  for (const set of readdirSync(bundlesDir, { withFileTypes: true })) {
    if (!set.isDirectory()) continue;
    const setDir = join(bundlesDir, set.name);
    const current = readCurrent(setDir);
    const reusable = current && unchanged(current) ? current.buildId : undefined;
    let kept = 0;
    for (const build of readdirSync(setDir, { withFileTypes: true })) {
      if (!build.isDirectory()) continue;
      const buildDir = join(setDir, build.name);
      if (build.name === reusable || held(buildDir)) kept += 1;
      else rmSync(buildDir, { recursive: true, force: true });
    }
    if (kept === 0) rmSync(setDir, { recursive: true, force: true });
  }
};
