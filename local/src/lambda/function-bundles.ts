import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLING } from '@mytabs/plan';
import {
  type BuildOptions,
  type BuildResult,
  build,
  context,
  type Metafile,
  version,
} from 'esbuild';

/** Inside the repository, so a bundle's `@aws-sdk/*` imports resolve from its node_modules. */
const BUNDLES_DIR = fileURLToPath(new URL('../../.bundles', import.meta.url));
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

interface BuildRecord {
  buildId: string;
  /** Every file the bundles were built from, with what it was then. */
  inputs: Array<[path: string, mtimeMs: number, size: number]>;
}

const unchanged = ({ inputs }: BuildRecord) =>
  inputs.every(([path, mtimeMs, size]) => {
    try {
      const stat = statSync(path);
      return stat.mtimeMs === mtimeMs && stat.size === size;
    } catch {
      return false;
    }
  });

const recordOf = (buildId: string, metafile: Metafile): BuildRecord => ({
  buildId,
  inputs: Object.keys(metafile.inputs).map((input) => {
    const stat = statSync(input);
    return [input, stat.mtimeMs, stat.size];
  }),
});

const errorText = (error: unknown) =>
  (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors
    ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
    .join('\n') ?? String(error);

/**
 * One esbuild call for every function (and the worker's runner), with the plan's bundling, the
 * same as what deploys. Bundles live under `local/.bundles/<set>/<build>/`, the set named by what
 * is bundled and how; a start whose inputs are all as the last build left them reuses it. A
 * function whose code does not build gets no bundle and the reason, and the others still run.
 */
export const buildFunctionBundles = async (
  targets: readonly BundleTarget[],
  watch?: { onRebuilt: (changed: readonly string[]) => void; log: (line: string) => void },
): Promise<FunctionBundles> => {
  const present = targets.filter((t) => existsSync(t.entry));
  const entryPoints: Record<string, string> = Object.fromEntries([
    ...present.map((t) => [t.name, t.entry]),
    [RUNNER, RUNNER_ENTRY],
  ]);
  const setKey = createHash('sha256')
    .update(JSON.stringify({ entryPoints, BUNDLING, version }))
    .digest('hex')
    .slice(0, 16);
  const setDir = join(BUNDLES_DIR, setKey);
  const currentFile = join(setDir, 'current.json');
  const pathsIn = (buildDir: string, names: readonly string[]) =>
    new Map(names.map((name) => [name, join(buildDir, `${name}.mjs`)]));
  const result = (
    buildDir: string,
    failures: Map<string, string>,
    reused: boolean,
    dispose: () => Promise<void> = async () => {},
  ): FunctionBundles => ({
    runner: join(buildDir, `${RUNNER}.mjs`),
    bundles: pathsIn(
      buildDir,
      present.map((t) => t.name).filter((name) => !failures.has(name)),
    ),
    failures,
    reused,
    dispose,
  });

  if (!watch && existsSync(currentFile)) {
    const record = JSON.parse(readFileSync(currentFile, 'utf8')) as BuildRecord;
    if (unchanged(record)) return result(join(setDir, record.buildId), new Map(), true);
  }

  const buildId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const buildDir = join(setDir, buildId);
  mkdirSync(buildDir, { recursive: true });
  const failures = new Map<string, string>();
  let built: BuildResult<{ metafile: true }>;
  try {
    built = (await build(options(entryPoints, buildDir))) as BuildResult<{ metafile: true }>;
  } catch {
    // One function's error fails the whole call: build each alone to learn which, and why.
    for (const [name, entry] of Object.entries(entryPoints)) {
      try {
        await build(options({ [name]: entry }, buildDir));
      } catch (error) {
        if (name === RUNNER) throw error;
        failures.set(name, errorText(error));
      }
    }
    return result(buildDir, failures, false);
  }
  // Written last and whole (renamed into place), so a start that reads it finds a finished build.
  const temporary = `${currentFile}.${buildId}`;
  writeFileSync(temporary, JSON.stringify(recordOf(buildId, built.metafile)));
  renameSync(temporary, currentFile);
  if (!watch) return result(buildDir, failures, false);

  const hashes = new Map<string, string>();
  const hashOutputs = () => {
    const changed: string[] = [];
    for (const name of present.map((t) => t.name)) {
      const file = join(buildDir, `${name}.mjs`);
      if (!existsSync(file)) continue;
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      if (hashes.has(name) && hashes.get(name) !== hash) changed.push(name);
      hashes.set(name, hash);
    }
    return changed;
  };
  hashOutputs();
  const watching = await context({
    ...options(entryPoints, buildDir),
    plugins: [
      {
        name: 'rebuilt',
        setup(pluginBuild) {
          pluginBuild.onEnd((end) => {
            if (end.errors.length > 0) {
              watch.log(
                `bundles: a change does not build, still running the last build:\n${errorText(end)}`,
              );
              return;
            }
            const changed = hashOutputs();
            if (changed.length > 0) watch.onRebuilt(changed);
          });
        },
      },
    ],
  });
  await watching.watch();
  return result(buildDir, failures, false, () => watching.dispose());
};
