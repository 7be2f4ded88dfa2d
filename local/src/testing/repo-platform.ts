import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { type Platform, type PlatformOptions, startPlatform } from '../platform.ts';
import { type DemoSeed, seedDemo } from '../seed/demo-seed.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface RepoPlatform {
  platform: Platform;
  /** `edge`, `api`, `stripe`, `ses`, ... */
  endpoints: Platform['endpoints'] & { edge: string; api: string; stripe: string; ses: string };
  /** Set when started with `seed: true`: the demo organizer, business and published event. */
  seed?: DemoSeed;
  /** Every log line the platform and its functions wrote. */
  lines: string[];
  close(): Promise<void>;
}

/**
 * The whole local platform with the repository's own manifests, on free ports, for end-to-end
 * tests of the services: the same handlers and workflows `npm start` runs. Async retries are
 * shortened to milliseconds; pass `log` to see function output while debugging.
 */
export const startRepoPlatform = async (
  options: { seed?: boolean } & Omit<PlatformOptions, 'manifests'> = {},
): Promise<RepoPlatform> => {
  const lines: string[] = [];
  const platform = await startPlatform({
    lambda: { retryBaseDelayMs: 20 },
    log: (line) => lines.push(line),
    ...options,
    manifests: await loadManifests(repoRoot),
  });
  const endpoints = platform.endpoints as RepoPlatform['endpoints'];
  try {
    const seed = options.seed
      ? await seedDemo(endpoints, await loadManifests(repoRoot))
      : undefined;
    return { platform, endpoints, ...(seed && { seed }), lines, close: () => platform.close() };
  } catch (error) {
    await platform.close();
    throw new Error(`Seeding failed: ${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
  }
};
