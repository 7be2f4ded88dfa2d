import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { type Platform, type PlatformOptions, startPlatform } from '../platform.ts';
import { type DemoSeed, seedDemo } from '../seed/demo-seed.ts';
import { type LocalUser, signInLocalUser } from '../seed/local-user.ts';
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
  /** Signs a user up (once) and in with the platform's user pool: their ID token. */
  signIn(user: LocalUser): Promise<string>;
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
  const manifests = await loadManifests(repoRoot);
  const platform = await startPlatform({
    lambda: { retryBaseDelayMs: 20 },
    log: (line) => lines.push(line),
    ...options,
    manifests,
  });
  const endpoints = platform.endpoints as RepoPlatform['endpoints'];
  try {
    const seed = options.seed ? await seedDemo(endpoints, manifests) : undefined;
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
    const signIn = (user: LocalUser) => signInLocalUser(endpoints.edge, manifests, user);
    return { platform, endpoints, ...(seed && { seed }), lines, signIn, ledger, close };
  } catch (error) {
    await platform.close();
    throw new Error(`Seeding failed: ${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
  }
};
