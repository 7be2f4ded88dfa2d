import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLING } from '@mytabs/plan';
import { type BuildOptions, type BuildResult, build, context, version } from 'esbuild';
import { readCurrent, recordOf, unchanged, writeCurrent } from './build-record.ts';
import { holdBuild, pruneBuilds } from './kept-builds.ts';

/** Inside the repository, so a bundle's `@aws-sdk/*` imports resolve from its node_modules. */
const BUNDLES_DIR = fileURLToPath(new URL('../../.bundles', import.meta.url));
/** esbuild names inputs relative to its working directory: one for every caller's cwd. */
const WORKING_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const RUNNER_ENTRY = fileURLToPath(new URL('./handler-runner.ts', import.meta.url));
/** The bundle a function's worker starts from: it loads the handler's bundle in turn. */
export const RUNNER = '__handler-runner';

export interface BundleTarget {
  name: string;
  /** Absolute path of the handler's TypeScript. */
  entry: string;
}

export interface FunctionBundles {
  /** The worker's entry: the runner, bundled like the functions. */
  runner: string;
  /** The bundle of each function, by name (absent for a function whose entry does not exist). */
  bundles: ReadonlyMap<string, string>;
  /** Functions whose code does not build, and why (their invocations fail with it). */
  failures: ReadonlyMap<string, string>;
  /** Whether this start reused the bundles of an earlier one (nothing they are built from changed). */
  reused: boolean;
  /** With `watch`: stops watching. */
  dispose(): Promise<void>;
}

const options = (entryPoints: Record<string, string>, outdir: string): BuildOptions => ({
  entryPoints,
  outdir,
  absWorkingDir: WORKING_DIR,
  bundle: true,
  platform: BUNDLING.platform,
  format: BUNDLING.format,
  target: BUNDLING.target,
  mainFields: [...BUNDLING.mainFields],
  minify: BUNDLING.minify,
  keepNames: BUNDLING.keepNames,
  sourcemap: BUNDLING.sourcemap,
  external: [...BUNDLING.externals],
  banner: { js: BUNDLING.banner },
  outExtension: { '.js': '.mjs' },
  metafile: true,
  logLevel: 'silent',
});

const errorText = (error: unknown) =>
  (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors
    ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
    .join('\n') ?? String(error);

/** What a watched rebuild changed: functions whose code is new, or newly broken, or mended. */
export interface Rebuilt {
  bundles: ReadonlyMap<string, string>;
  failures: ReadonlyMap<string, string>;
}

/**
 * Builds every entry into `buildDir` in one call; if that fails (one function's error fails the
 * whole call), builds each alone to learn which fail and why, so the others still run.
 */
const buildInto = async (entryPoints: Record<string, string>, buildDir: string) => {
  const failures = new Map<string, string>();
  try {
    const built = (await build(options(entryPoints, buildDir))) as BuildResult<{ metafile: true }>;
    return { failures, metafile: built.metafile };
  } catch {
    for (const [name, entry] of Object.entries(entryPoints)) {
      try {
        await build(options({ [name]: entry }, buildDir));
      } catch (error) {
        if (name === RUNNER) throw error;
        failures.set(name, errorText(error));
      }
    }
    return { failures, metafile: undefined };
  }
};

/**
 * One esbuild call for every function (and the worker's runner), with the plan's bundling, the
 * same as what deploys. Bundles live under `local/.bundles/<set>/<build>/`, the set named by what
 * is bundled and how; a start whose inputs are all as the last build left them reuses it, from
 * whatever folder it runs in, and a new build removes the builds no running platform holds. A
 * function whose code does not build gets no bundle and the reason, and the others still run.
 * With `watch`, every change rebuilds, and `onRebuilt` hears which functions' code changed.
 */
export const buildFunctionBundles = async (
  targets: readonly BundleTarget[],
  watch?: { onRebuilt: (rebuilt: Rebuilt) => void; log: (line: string) => void },
): Promise<FunctionBundles> => {
  const present = targets.filter((t) => existsSync(t.entry));
  const names = present.map((t) => t.name);
  const entryPoints: Record<string, string> = Object.fromEntries([
    ...present.map((t) => [t.name, t.entry]),
    [RUNNER, RUNNER_ENTRY],
  ]);
  const setKey = createHash('sha256')
    .update(JSON.stringify({ entryPoints, BUNDLING, version }))
    .digest('hex')
    .slice(0, 16);
  const setDir = join(BUNDLES_DIR, setKey);
  const bundlesIn = (buildDir: string, failures: ReadonlyMap<string, string>) =>
    new Map(
      names.filter((n) => !failures.has(n)).map((n) => [n, join(buildDir, `${n}.mjs`)] as const),
    );

  const current = watch ? undefined : readCurrent(setDir);
  if (current) {
    const buildDir = join(setDir, current.buildId);
    const runner = join(buildDir, `${RUNNER}.mjs`);
    if (existsSync(runner) && unchanged(current)) {
      const release = holdBuild(buildDir);
      return {
        runner,
        bundles: bundlesIn(buildDir, new Map()),
        failures: new Map(),
        reused: true,
        dispose: async () => release(),
      };
    }
  }

  const buildId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const buildDir = join(setDir, buildId);
  const release = holdBuild(buildDir);
  const first = await buildInto(entryPoints, buildDir);
  if (first.metafile) writeCurrent(setDir, recordOf(buildId, first.metafile, WORKING_DIR));
  pruneBuilds(BUNDLES_DIR);
  const built = {
    runner: join(buildDir, `${RUNNER}.mjs`),
    bundles: bundlesIn(buildDir, first.failures),
    failures: first.failures,
    reused: false,
  };
  if (!watch) return { ...built, dispose: async () => release() };
  const stopWatching = await watchBundles(entryPoints, buildDir, names, first.failures, watch);
  return {
    ...built,
    dispose: async () => {
      await stopWatching();
      release();
    },
  };
};

/** Rebuilds on every change of what the bundles are built from; reports what changed. */
const watchBundles = async (
  entryPoints: Record<string, string>,
  buildDir: string,
  names: readonly string[],
  initialFailures: ReadonlyMap<string, string>,
  watch: { onRebuilt: (rebuilt: Rebuilt) => void; log: (line: string) => void },
) => {
  const hashOf = (name: string) => {
    const file = join(buildDir, `${name}.mjs`);
    return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '';
  };
  const hashes = new Map(names.map((name) => [name, hashOf(name)]));
  let failures: ReadonlyMap<string, string> = initialFailures;
  const watching = await context({
    ...options(entryPoints, buildDir),
    plugins: [
      {
        name: 'rebuilt',
        setup(pluginBuild) {
          pluginBuild.onEnd(async (end) => {
            const now =
              end.errors.length > 0
                ? (await buildInto(entryPoints, buildDir)).failures
                : new Map<string, string>();
            const changed = names.filter((name) => {
              const hash = hashOf(name);
              const differs = hash !== hashes.get(name) || now.get(name) !== failures.get(name);
              hashes.set(name, hash);
              return differs;
            });
            failures = now;
            for (const [name, error] of now)
              watch.log(`${name} | its code does not build:\n${error}`);
            if (changed.length === 0) return;
            watch.onRebuilt({
              bundles: new Map(
                changed
                  .filter((n) => !now.has(n))
                  .map((n) => [n, join(buildDir, `${n}.mjs`)] as const),
              ),
              failures: new Map(
                changed.filter((n) => now.has(n)).map((n) => [n, now.get(n) ?? '']),
              ),
            });
          });
        },
      },
    ],
  });
  await watching.watch();
  return () => watching.dispose();
};
