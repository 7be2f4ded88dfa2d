import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PortSpec } from './component.ts';
import { parseFaultOption } from './faults/fault-option.ts';
import type { FaultSpec } from './faults/fault-spec.ts';

export interface CliOptions {
  help: boolean;
  /** Seed the demo organizer, business and event (default); `--no-seed` skips it. */
  seed: boolean;
  dataDir: string | undefined;
  /** Rebuild a function's bundle when its code changes, as a deploy would replace it. */
  watch: boolean;
  root: string;
  ports: Record<string, number>;
  /** Workers each function may run at once (default: half the cores, at least one). */
  workersPerFunction: number | undefined;
  /** Faults in force from the start, each ending on its own. */
  faults: FaultSpec[];
  /** X-Ray traces of every request and invocation (default); `--no-tracing` turns them off. */
  tracing: boolean;
}

/** A mistake in how the platform was started: reported in one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const usage = (defaultRoot: string, ports: Record<string, PortSpec>) =>
  [
    'Usage: npm start [-- [--data-dir DIR] [--no-seed] [--no-tracing] [--watch] [--workers-per-function N] [--fault SPEC]... [--root DIR]]',
    '',
    'Runs the MyTabs local platform: every service of the manifests, one process, no AWS account.',
    '',
    'Options:',
    '  --data-dir DIR  keep DynamoDB tables on disk in DIR across restarts (default: in memory)',
    '  --no-seed       do not create the demo organizer, business and event',
    '  --no-tracing    record no X-Ray traces (functions run with tracing off, as',
    '                  POWERTOOLS_TRACE_ENABLED=false)',
    "  --watch         rebuild a function's bundle when its code changes; its next invocations",
    '                  run the new code',
    '  --workers-per-function N',
    '                  sandboxes (worker threads) each function may run at once; more',
    '                  invocations wait for one (default: half the cores, at least 1)',
    '  --fault KIND=WHAT[,times=N][,for=DURATION][,error=NAME][,status=5xx][,recipient=EMAIL]',
    '                  break a part on purpose once the platform is ready (repeatable); it ends',
    '                  by itself after N failed calls or DURATION (30s, 5m, 1h; default 5m):',
    '                    function=<service>.<function>  invocations fail (error=NAME, default',
    '                                                   InjectedFault)',
    '                    ses=refuse|throttle            SendEmail answers MessageRejected or',
    '                                                   TooManyRequestsException (recipient=EMAIL',
    '                                                   for one address only)',
    '                    stripe=5xx|timeout             Stripe answers 500 (status=5xx) or hangs',
    '                    dynamodb=<table>               ProvisionedThroughputExceededException',
    '                  GET /health on the edge lists the faults in force; POST/DELETE',
    '                  /_local/faults sets and ends them while running',
    `  --root DIR      load services/*/src/manifest.ts under DIR (default: ${defaultRoot});`,
    '                  implies --no-seed',
    '  -h, --help      print this help',
    '',
    'Ports (environment variables):',
    ...Object.values(ports).map(
      (p) => `  ${p.envVar.padEnd(20)} ${p.description} (default ${p.default})`,
    ),
  ].join('\n');

const portFrom = (spec: PortSpec, env: NodeJS.ProcessEnv) => {
  const raw = env[spec.envVar];
  if (raw === undefined || raw === '') return spec.default;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`${spec.envVar}=${raw} is not a port number (0-65535)`);
  }
  return port;
};

/**
 * Command line and environment of `npm start`. Relative paths are taken from where `npm start`
 * was typed (npm's INIT_CWD), not from the workspace folder npm runs the script in.
 */
export const parseCli = (
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaultRoot: string,
  ports: Record<string, PortSpec>,
): CliOptions => {
  let values: {
    'data-dir'?: string;
    root?: string;
    help?: boolean;
    'no-seed'?: boolean;
    'no-tracing'?: boolean;
    watch?: boolean;
    'workers-per-function'?: string;
    fault?: string[];
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        root: { type: 'string' },
        'no-seed': { type: 'boolean' },
        'no-tracing': { type: 'boolean' },
        watch: { type: 'boolean' },
        'workers-per-function': { type: 'string' },
        fault: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`);
  }
  const base = env.INIT_CWD ?? process.cwd();
  const workers = values['workers-per-function'];
  if (workers !== undefined && !/^[1-9]\d{0,2}$/.test(workers)) {
    throw new UsageError(`--workers-per-function ${workers} is not a whole number from 1 to 999`);
  }
  let faults: FaultSpec[];
  try {
    faults = (values.fault ?? []).map(parseFaultOption);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help ?? false,
    faults,
    seed: !values['no-seed'] && values.root === undefined,
    tracing: !values['no-tracing'],
    dataDir: values['data-dir'] === undefined ? undefined : resolve(base, values['data-dir']),
    watch: values.watch ?? false,
    root: values.root === undefined ? defaultRoot : resolve(base, values.root),
    workersPerFunction: workers === undefined ? undefined : Number(workers),
    ports: Object.fromEntries(
      Object.entries(ports).map(([name, spec]) => [name, portFrom(spec, env)]),
    ),
  };
};
