import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventNames } from '../events/catalog.ts';
import { findManifestProblems } from './check-manifests.ts';
import { ServiceManifest } from './service-manifest.ts';

export interface LoadedManifest {
  manifest: ServiceManifest;
  /** Absolute folder of the service: `entry` and `definition` paths are relative to it. */
  dir: string;
}

/**
 * Every `services/<name>/src/manifest.ts` under the repository root, validated one by one and as
 * a set. This is how `infra/` and `local/` learn what exists: adding a service needs no edit there.
 */
export const loadManifests = async (repoRoot: string): Promise<LoadedManifest[]> => {
  const servicesDir = join(repoRoot, 'services');
  const names = (await readdir(servicesDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const loaded: LoadedManifest[] = [];
  for (const name of names) {
    const dir = join(servicesDir, name);
    const module = (await import(pathToFileURL(join(dir, 'src', 'manifest.ts')).href)) as {
      manifest?: unknown;
    };
    const parsed = ServiceManifest.safeParse(module.manifest);
    if (!parsed.success) {
      throw new Error(`services/${name}/src/manifest.ts: ${parsed.error.message}`);
    }
    loaded.push({ manifest: parsed.data, dir });
  }
  const problems = findManifestProblems(
    loaded.map((l) => l.manifest),
    { eventNames },
  );
  if (problems.length > 0) throw new Error(`Inconsistent manifests:\n  ${problems.join('\n  ')}`);
  return loaded;
};
