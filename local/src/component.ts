import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import type { Plan } from '@mytabs/plan';
import type { AwsService } from './edge/aws-service.ts';
import type { ServiceEvents } from './eventbridge/service-events.ts';
import type { LocalFaults } from './faults/local-faults.ts';
import type { LocalLambda } from './lambda/local-lambda.ts';
import type { LocalSecrets } from './secrets/local-secrets.ts';
import type { LocalQueues } from './sqs/local-queues.ts';
import type { LocalTraces } from './xray/local-traces.ts';

/** A port a piece of the platform listens on: `npm start` reads `envVar`, tests pass 0. */
export interface PortSpec {
  default: number;
  envVar: string;
  /** Names the port in the busy-port error, e.g. `SES inbox`. */
  description: string;
}

/** What a component is given when the platform starts it. */
export interface PlatformContext {
  manifests: readonly LoadedManifest[];
  /** The local stage's plan: every resource to start, by the name it has (as on AWS). */
  plan: Plan;
  /** Invoke functions in process: `lambda.invoke(...)` / `lambda.call(...)`. */
  lambda: LocalLambda;
  /** The plan's SQS queues (the dead-letter queues), served on the edge. */
  queues: LocalQueues;
  /** Injected faults: a component that can be broken asks them on each call. */
  faults: LocalFaults;
  /** Events AWS services (SES) put on the default bus themselves. */
  serviceEvents: ServiceEvents;
  /** Seeded secret values by manifest secret name (e.g. the Stripe webhook secret). */
  secrets: LocalSecrets;
  /** Where a component records its own segments (API, workflows, bus); absent when tracing is off. */
  traces: LocalTraces | undefined;
  /** `http://127.0.0.1:<port>`: what `AWS_ENDPOINT_URL` is for every function. */
  edgeUrl: string;
  /** Endpoints of the components started before this one (see the order in components.ts). */
  endpoints: Readonly<Record<string, string>>;
  /** The port this component should listen on (0: any free port), when it declares `port`. */
  port: number;
  /** Set by `--data-dir`: components that persist keep their files under it. */
  dataDir: string | undefined;
  log: (line: string) => void;
}

export interface RunningComponent {
  /** Served on the edge, which asks each service in order whether a request is its own. */
  services?: readonly AwsService[];
  /** Printed at start (`name -> url`) and returned in the platform's `endpoints`. */
  endpoints?: Record<string, string>;
  close(): Promise<void>;
}

/**
 * One piece of the local platform (DynamoDB, SES, EventBridge, the API, ...). Adding one is a
 * two-line change in components.ts: import it and append it to the list.
 */
export interface PlatformComponent {
  name: string;
  port?: PortSpec;
  start(context: PlatformContext): Promise<RunningComponent>;
}
