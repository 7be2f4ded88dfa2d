import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { type Platform, type PlatformOptions, startPlatform } from '../platform.ts';
import { type DemoSeed, seedDemo } from '../seed/demo-seed.ts';
import type { LedgerBreak } from './ledger/ledger.ts';
import { checkLedger, formatLedger, type LedgerExceptions } from './ledger/ledger-check.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface RepoPlatform {
  platform: Platform;
  /** `edge`, `api`, `stripe`, `ses`, ... */
  endpoints: Platform['endpoints'] & { edge: string; api: string; stripe: string; ses: string };
  /** Set when started with `seed: true`: the demo organizer, business and published event. */
  seed?: DemoSeed;
  /** Every log line the platform and its functions wrote. */
  lines: string[];
  /** The ledger check (ledger/ledger-check.ts) now, with the exceptions the platform was started with. */
  ledger(): Promise<LedgerBreak[]>;
  /** Checks the ledger (unless started with `ledger: false`), stops the platform, then fails if broken. */
  close(): Promise<void>;
}

/**
 * The whole local platform with the repository's own manifests, on free ports, for end-to-end
 * tests of the services: the same handlers and workflows `npm start` runs. Async retries are
 * shortened to milliseconds; pass `log` to see function output while debugging. `close()` runs
 * the ledger check first and fails when it is broken, so every test file that starts one ends
 * with it; `ledger` names the invariants a test leaves broken on purpose, each with its reason,
 * and `false` is for tools that check the platform their own way (the bench, the drill).
 */
export const startRepoPlatform = async (
  options: { seed?: boolean; ledger?: LedgerExceptions | false } & Omit<
    PlatformOptions,
    'manifests'
  > = {},
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
    const exceptions = options.ledger === false ? undefined : options.ledger;
    const ledger = () => checkLedger(platform.plan, endpoints, exceptions && { exceptions });
    const close = async () => {
      if (options.ledger === false) return platform.close();
      const breaks = await ledger().finally(() => platform.close());
      if (breaks.length === 0) return;
      // A function that failed after its PutEvents (a timeout under load) publishes again on its retry.
      const failures = lines.filter((line) => / Error: /.test(line)).slice(-20);
      throw new Error(
        [formatLedger(breaks), ...(failures.length ? ['function errors:', ...failures] : [])].join(
          '\n',
        ),
      );
    };
    return { platform, endpoints, ...(seed && { seed }), lines, ledger, close };
  } catch (error) {
    await platform.close();
    throw new Error(`Seeding failed: ${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
  }
};
