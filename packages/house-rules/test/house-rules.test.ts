import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Import, importsOf, isBare, packageOf, sourceFiles } from '../src/imports.ts';

/**
 * The rules of the house, checked on every file: a broken rule fails with the file, what it
 * imports and the rule it breaks.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const services = readdirSync(join(root, 'services'));
const serviceOf = (path: string) => /^services\/([^/]+)\//.exec(path)?.[1];
const imports = importsOf(root, [
  ...sourceFiles(join(root, 'services')),
  ...sourceFiles(join(root, 'contracts')),
]);
const broken = (found: Import[], rule: string) =>
  found.map((i) => `${i.file} imports ${i.specifier}: ${rule}`);

/** What domain code may import: the contracts, zod, and computation without I/O. */
const DOMAIN_MAY_IMPORT = new Set(['@mytabs/contracts', 'zod', 'jose', 'node:crypto']);

/** What runs only in a function, which the contracts (data everyone reads) must not pull in. */
const RUNTIME = [
  '@aws-sdk/',
  '@aws-lambda-powertools/',
  '@mytabs/lambda-kit',
  '@mytabs/local',
  'aws-lambda',
  'stripe',
];

/** Packages of TypeScript types only: imported by name, listed as `@types/<name>`. */
const TYPES_ONLY = new Set(['aws-lambda']);
/** What the root provides to every package's tests. */
const TOOLS = new Set(['vitest']);

describe('the house rules', () => {
  it('services never import each other: they talk through contracts, the bus and invocations', () => {
    const crossing = imports.filter((i) => {
      const from = serviceOf(i.file);
      if (!from) return false;
      const to = i.target ? serviceOf(i.target) : undefined;
      const bare = services.find((s) => packageOf(i.specifier) === `@mytabs/${s}`);
      return (to !== undefined && to !== from) || (bare !== undefined && bare !== from);
    });
    expect(broken(crossing, 'a service never imports another service')).toEqual([]);
  });

  it('domain code imports no adapter, handler, SDK or HTTP type: it is computation only', () => {
    const impure = imports.filter((i) => {
      if (!/^services\/[^/]+\/src\/domain\//.test(i.file)) return false;
      if (i.target) return !/^services\/[^/]+\/src\/domain\//.test(i.target);
      return !DOMAIN_MAY_IMPORT.has(
        i.specifier.startsWith('node:') ? i.specifier : packageOf(i.specifier),
      );
    });
    expect(
      broken(impure, `domain code imports only other domain files and ${[...DOMAIN_MAY_IMPORT]}`),
    ).toEqual([]);
  });

  it('the contracts are data: no AWS SDK, Powertools, runtime kit, Lambda types or Stripe', () => {
    const runtime = imports.filter(
      (i) => i.file.startsWith('contracts/') && RUNTIME.some((r) => i.specifier.startsWith(r)),
    );
    expect(broken(runtime, 'contracts/ holds schemas, contracts and manifests only')).toEqual([]);
  });

  it("lists in each service's package.json exactly the packages its code imports", () => {
    const problems = services.flatMap((service) => {
      const manifest = join(root, 'services', service, 'package.json');
      if (!existsSync(manifest)) return [];
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const used = (folder: string) =>
        new Set(
          imports
            .filter(
              (i) => i.file.startsWith(`services/${service}/${folder}/`) && isBare(i.specifier),
            )
            .map((i) => packageOf(i.specifier)),
        );
      // Scripts (measurements, operator tools) are development code, as tests are.
      const [src, test] = [used('src'), new Set([...used('test'), ...used('scripts')])];
      // A package of types only (aws-lambda) is listed as its @types package, in either list.
      const listedAs = (p: string) => (TYPES_ONLY.has(p) ? `@types/${p}` : p);
      const deps = new Set(Object.keys(pkg.dependencies ?? {}));
      const devDeps = new Set(Object.keys(pkg.devDependencies ?? {}));
      const listed = (p: string) => deps.has(listedAs(p)) || devDeps.has(listedAs(p));
      const imported = (set: Set<string>, p: string) =>
        set.has(p) || [...set].some((i) => listedAs(i) === p);
      // `@types/<name>`: the types of a package the code imports (listed with the tools).
      const typesOfImported = (p: string) =>
        p.startsWith('@types/') && [src, test].some((set) => set.has(p.slice('@types/'.length)));
      return [
        ...[...src]
          .filter((p) => !(TYPES_ONLY.has(p) ? listed(p) : deps.has(p)))
          .map((p) => `${service}: src imports ${p}, not in dependencies`),
        ...[...test]
          .filter((p) => !listed(p) && !TOOLS.has(p))
          .map((p) => `${service}: test imports ${p}, not in its package.json`),
        ...[...deps]
          .filter((p) => !imported(src, p))
          .map((p) => `${service}: depends on ${p}, which src never imports`),
        ...[...devDeps]
          .filter((p) => !imported(test, p) && !imported(src, p) && !typesOfImported(p))
          .map((p) => `${service}: devDepends on ${p}, which nothing imports`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
