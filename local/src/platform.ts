import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import type { ContractPatterns, Plan } from '@mytabs/plan';
import { bufferedLog } from './buffered-log.ts';
import type { PlatformComponent, PortSpec, RunningComponent } from './component.ts';
import { components as defaultComponents } from './components.ts';
import { claimDataDir } from './data-dir-lock.ts';
import type { AwsService } from './edge/aws-service.ts';
import { createEdgeServer } from './edge/edge-server.ts';
import { ServiceEvents } from './eventbridge/service-events.ts';
import type { FaultSpec } from './faults/fault-spec.ts';
import { faultsRoute } from './faults/faults-route.ts';
import { LocalFaults } from './faults/local-faults.ts';
import { buildFunctionBundles, type Rebuilt } from './lambda/function-bundles.ts';
import { lambdaApi } from './lambda/lambda-api.ts';
import { localFunctions } from './lambda/local-function.ts';
import { LocalLambda, type LocalLambdaOptions } from './lambda/local-lambda.ts';
import { close, listen } from './listen.ts';
import { localPlan } from './local-plan.ts';
import { LocalSecrets } from './secrets/local-secrets.ts';
import { LocalQueues } from './sqs/local-queues.ts';
import { sqsApi } from './sqs/sqs-api.ts';
import { startDaemon } from './xray/daemon.ts';
import { LocalTraces } from './xray/local-traces.ts';
import { tracePages } from './xray/trace-pages.ts';
import { xrayApi } from './xray/xray-api.ts';

export const EDGE_PORT: PortSpec = {
  default: 4566,
  envVar: 'MYTABS_EDGE_PORT',
  description: 'AWS edge',
};

export interface PlatformOptions {
  manifests: readonly LoadedManifest[];
  /** Event contracts by detail type, for rules' patterns (default: the catalog). */
  events?: ContractPatterns;
  /** Port by listener: `edge` and each component's name. Missing or 0: a free port. */
  ports?: Readonly<Record<string, number>>;
  /** Keep state (DynamoDB tables) on disk under this folder; in memory when absent. */
  dataDir?: string;
  log?: (line: string) => void;
  /** Async retry backoff and worker pool sizes; tests shorten the retry delay. */
  lambda?: Omit<
    LocalLambdaOptions,
    'functions' | 'log' | 'runner' | 'queues' | 'faults' | 'traces'
  >;
  /** X-Ray traces of every request, invocation, event and execution (default on). */
  tracing?: boolean;
  /**
   * Faults in force from the moment the platform is ready (`npm start -- --fault ...`), so the
   * demo seed is not broken by them; each ends on its own. Checked against the plan at start.
   */
  faults?: readonly FaultSpec[];
  /** Rebuild a function's bundle when its code changes, and run the new code from then on. */
  watch?: boolean;
  /**
   * `/health` stays 503 after the components are up, until `markReady()`: for a start that
   * does more before it is ready (seeding the demo data).
   */
  deferReady?: boolean;
  /** Defaults to every component of components.ts. */
  components?: readonly PlatformComponent[];
}

export interface Platform {
  /** What runs, by name: the local stage's plan. */
  plan: Plan;
  /** `edge` plus whatever each component publishes (e.g. `ses`). */
  endpoints: Readonly<Record<string, string>>;
  lambda: LocalLambda;
  queues: LocalQueues;
  faults: LocalFaults;
  secrets: LocalSecrets;
  /** The traces recorded, read on the edge with X-Ray's API; absent when tracing is off. */
  traces: LocalTraces | undefined;
  /** With `deferReady`: from now on `/health` answers 200. */
  markReady(): void;
  /** Stops every component, every function worker and the edge; frees every port. */
  close(): Promise<void>;
}

/**
 * Starts the edge first (its URL goes into every function's environment), then the local Lambda,
 * then each component in order. `/health` answers 200 only once all of them are up.
 */
export const startPlatform = async (options: PlatformOptions): Promise<Platform> => {
  const log = options.log ?? bufferedLog();
  const plan = localPlan(options.manifests, options.events);
  const faults = new LocalFaults(plan, log);
  const initialFaults = (options.faults ?? []).map((spec) => faults.resolve(spec));
  let refresh = (_rebuilt: Rebuilt) => {};
  const built = await buildFunctionBundles(
    plan.functions.map((fn) => ({ name: fn.name, entry: fn.entry })),
    options.watch
      ? {
          log,
          onRebuilt: (rebuilt) => {
            const names = [...rebuilt.bundles.keys(), ...rebuilt.failures.keys()];
            log(`bundles: rebuilt ${names.join(', ')}; their next invocations run the new code`);
            refresh(rebuilt);
          },
        }
      : undefined,
  );
  const releaseDataDir = options.dataDir ? await claimDataDir(options.dataDir) : async () => {};
  const services: AwsService[] = [];
  let ready = false;
  const edge = createEdgeServer({
    services,
    isReady: () => ready,
    activeFaults: () => faults.active(),
    log,
  });
  const edgePort = await listen(
    edge,
    options.ports?.edge ?? 0,
    EDGE_PORT.description,
    EDGE_PORT.envVar,
  ).catch(async (error: unknown) => {
    await releaseDataDir();
    throw error;
  });
  const edgeUrl = `http://127.0.0.1:${edgePort}`;
  const endpoints: Record<string, string> = { edge: edgeUrl };

  const queues = new LocalQueues(plan.deadLetterQueues, edgeUrl);
  const traces = options.tracing === false ? undefined : new LocalTraces();
  const daemon = traces && (await startDaemon(traces, log));
  const lambda = new LocalLambda({
    ...options.lambda,
    functions: localFunctions(plan, edgeUrl, built, daemon?.address),
    runner: built.runner,
    queues,
    faults,
    ...(traces && { traces }),
    log,
  });
  refresh = (rebuilt) => lambda.refresh(rebuilt);
  services.push(
    lambdaApi(lambda),
    sqsApi(queues),
    faultsRoute(faults),
    xrayApi(traces),
    tracePages(traces),
  );
  const secrets = new LocalSecrets(plan.secrets, options.dataDir);
  const serviceEvents = new ServiceEvents();

  const running: RunningComponent[] = [];
  const stop = async () => {
    ready = false;
    // Functions first: none may still be writing to a component (DynamoDB) as it closes.
    await built.dispose();
    faults.close();
    await lambda.close();
    queues.close();
    await daemon?.close();
    for (const component of running.reverse()) await component.close();
    await close(edge);
    await releaseDataDir();
  };
  try {
    for (const component of options.components ?? defaultComponents) {
      const started = await component.start({
        manifests: options.manifests,
        plan,
        lambda,
        queues,
        faults,
        serviceEvents,
        secrets,
        traces,
        edgeUrl,
        endpoints: { ...endpoints },
        port: options.ports?.[component.name] ?? 0,
        dataDir: options.dataDir,
        log,
      });
      running.push(started);
      services.push(...(started.services ?? []));
      Object.assign(endpoints, started.endpoints);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const markReady = () => {
    if (ready) return;
    for (const spec of initialFaults) faults.add(spec);
    ready = true;
  };
  if (!options.deferReady) markReady();
  return { plan, endpoints, lambda, queues, faults, secrets, traces, markReady, close: stop };
};
