import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { parseCli, UsageError, usage } from './cli-options.ts';
import type { PortSpec } from './component.ts';
import { components } from './components.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import { UnknownFaultTarget } from './faults/local-faults.ts';
import { PortInUseError } from './listen.ts';
import { EDGE_PORT, type Platform, startPlatform } from './platform.ts';
import { type DemoSeed, seedDemo } from './seed/demo-seed.ts';

/** Stopping must end well within the 5 s a supervisor (or a test) allows after SIGTERM. */
const STOP_LIMIT_MS = 4_500;

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ports: Record<string, PortSpec> = { edge: EDGE_PORT };
for (const component of components) if (component.port) ports[component.name] = component.port;

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const announce = (platform: Platform, dataDir: string | undefined) => {
  console.log(
    `MyTabs local platform ready ${(performance.now() / 1000).toFixed(1)} s after start: ${platform.lambda.functions.size} function(s), DynamoDB ${dataDir ? `on disk in ${dataDir}` : 'in memory'}`,
  );
  for (const [name, url] of Object.entries(platform.endpoints)) {
    console.log(`  ${name.padEnd(10)} ${url}`);
  }
  console.log(`  AWS_ENDPOINT_URL=${platform.endpoints.edge} points AWS SDKs and the CLI here.`);
  console.log('Ctrl-C stops it.');
};

type SeedEndpoints = { edge: string; api: string };

const announceSeed = ({ organizer, staff, business, event }: DemoSeed) => {
  console.log('Demo data (skip with --no-seed):');
  console.log(`  organizer  ${organizer.email} / ${organizer.password} (owner of the business)`);
  console.log(
    `  staff      ${staff.email} / ${staff.password} (door staff: attendee list and check-in)`,
  );
  console.log(`  business   ${business.businessId} ${business.name}`);
  console.log(`  event      ${event.eventId} ${event.name}, ${event.startsAt} (${event.timeZone})`);
  for (const t of event.ticketTypes) {
    console.log(
      `  ticket     ${t.ticketTypeId} ${t.name}: ${t.price} ${t.currency} (minor units), ${t.available} available`,
    );
  }
};

const run = async (stopRequested: Promise<string>) => {
  const options = parseCli(process.argv.slice(2), process.env, repoRoot, ports);
  if (options.help) {
    console.log(usage(repoRoot, ports));
    return;
  }
  // A manifest mistake is the user's to fix: its message says where; a stack trace would not help.
  const manifests = await loadManifests(options.root).catch((error: Error) =>
    fail(`The manifests under ${options.root} are not valid: ${error.message}`),
  );
  const starting = startPlatform({
    manifests,
    ports: options.ports,
    dataDir: options.dataDir,
    watch: options.watch,
    faults: options.faults,
    tracing: options.tracing,
    ...(options.workersPerFunction && {
      lambda: { maxWorkersPerFunction: options.workersPerFunction },
    }),
    // Ready means ready: a client calling the API after the ready line finds the demo event.
    deferReady: true,
  });
  const signal = await Promise.race([
    stopRequested,
    starting.then(async (platform) => {
      const seed = options.seed
        ? await seedDemo(platform.endpoints as SeedEndpoints, manifests)
        : undefined;
      platform.markReady();
      announce(platform, options.dataDir);
      if (seed) announceSeed(seed);
      void platform.lambda.warmAll();
      return stopRequested;
    }),
  ]);
  console.log(`${signal}: stopping...`);
  setTimeout(
    () => fail(`Not stopped within ${STOP_LIMIT_MS} ms: exiting anyway`),
    STOP_LIMIT_MS,
  ).unref();
  await starting.then(
    (platform) => platform.close(),
    () => {},
  );
  process.exit(0);
};

/** Runs until `stopRequested` settles; a start failure is reported in as few lines as it needs. */
export const runPlatform = (stopRequested: Promise<string>) =>
  run(stopRequested).catch((error: unknown) => {
    if (
      error instanceof PortInUseError ||
      error instanceof UsageError ||
      error instanceof DataDirInUseError ||
      error instanceof UnknownFaultTarget
    ) {
      fail(error.message);
    }
    fail(`The local platform did not start: ${(error as Error).stack ?? error}`);
  });
