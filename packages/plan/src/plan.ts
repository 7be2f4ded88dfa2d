import type { AuthMode, FunctionSpec, ServiceManifest, UserPoolSpec } from '@mytabs/contracts';
import type { Location } from './arns.ts';
import type { SecretKind } from './secret-kinds.ts';
import type { TableIamAction } from './table-grant.ts';

type TableSpec = NonNullable<ServiceManifest['table']>;

/**
 * Everything one stage of the system consists of, with its final names: what `infra/` turns into
 * CloudFormation and what `local/` starts. Neither derives a name, a pattern or a grant of its
 * own; a resource is what its entry here says, on both.
 */
export interface Plan {
  stage: string;
  location: Location;
  /** CloudWatch namespace of every function's metrics. */
  metricsNamespace: string;
  bus: { name: string; arn: string };
  archive: { name: string };
  schemaRegistry: { name: string };
  /** The REST API (its stage is always `prod`, as today's clients call it). */
  api: {
    name: string;
    /** Content types whose bodies reach handlers base64-encoded (API Gateway's binaryMediaTypes). */
    binaryMediaTypes: string[];
    /**
     * Bodies over `maxBytes` are answered `answer` before any function runs: by the WAF on AWS, by
     * the API server locally.
     */
    bodyLimit: {
      maxBytes: number;
      answer: { status: number; contentType: string; body: string };
    };
  };
  tables: TablePlan[];
  secrets: SecretPlan[];
  functions: FunctionPlan[];
  rules: RulePlan[];
  deadLetterQueues: QueuePlan[];
  stateMachines: StateMachinePlan[];
  routes: RoutePlan[];
  /** X-Ray sampling rules keeping every trace of the routes whose manifest says `keepTraces`. */
  samplingRules: SamplingRulePlan[];
  /**
   * The one function that authorizes every route that is not `public`, as two API Gateway
   * authorizers: `name` with the Authorization header as identity source (cached for
   * `cacheTtlS`), and `optionalName` with none and no cache, for the routes whose token is optional (`public-or-user`, `token-or-link`).
   */
  authorizer?: { functionName: string; cacheTtlS: number; name: string; optionalName: string };
  userPool?: UserPoolPlan;
  email: EmailPlan;
}

/** How the stage sends email through SES, and what SES tells it back. */
export interface EmailPlan {
  /** The SES domain identity (Easy DKIM), e.g. `keeptabs.app`. */
  identity: string;
  /** What automatic mail is sent from (functions' `EMAIL_FROM`, Cognito's codes): `noreply@`. */
  from: string;
  /** The addresses the seed sends from, on the identity's domain. */
  senders: string[];
  /** The custom MAIL FROM domain (its MX and SPF records make bounces come back to SES). */
  mailFromDomain: string;
  configurationSet: {
    name: string;
    /**
     * Where SES publishes the events functions subscribe to (`sesEvents`): EventBridge's default
     * bus, the only one SES writes to. Absent when no function subscribes.
     */
    eventDestination?: { name: string; bus: 'default'; eventTypes: string[] };
  };
}

export interface TablePlan extends TableSpec {
  service: string;
  name: string;
  arn: string;
}

export interface SecretPlan {
  service: string;
  /** The manifest's name, e.g. `stripe-webhook-secret`. */
  key: string;
  /** Its name in Secrets Manager, what functions receive as `SECRET_*`. */
  name: string;
  /** What it holds; a generated kind is created where it lives, never put by anyone. */
  kind: SecretKind;
}

/** Exactly what a function may touch, by physical name: each entry is one grant. */
export interface FunctionGrants {
  /** The service's own table and exactly the IAM actions its manifest lists on it. */
  table?: { name: string; actions: TableIamAction[] };
  /** Event bus it may put events on. */
  bus?: string;
  secrets: string[];
  /** Functions it may invoke, by name. */
  invoke: string[];
  /** State machines it may start, describe and redrive executions of, by name. */
  workflows: string[];
  email: boolean;
}

export interface FunctionPlan {
  /** `service.function`, as manifests name it. */
  ref: string;
  service: string;
  /** The function's key in its manifest, e.g. `holdSeats`. */
  key: string;
  name: string;
  arn: string;
  /** Absolute path of the handler file. */
  entry: string;
  memoryMb: number;
  timeoutS: number;
  /**
   * Its environment, the same on every runtime, without the user pool's variables: those hold the
   * pool's id and client ids, which each runtime knows only once its pool exists.
   */
  environment: Record<string, string>;
  /** Add `userPoolVariables()` of the stage's pool to `environment`. */
  needsUserPoolVariables: boolean;
  grants: FunctionGrants;
  /** Services whose functions may invoke it directly (besides its own). */
  invokedBy: string[];
  /** Lambda's own retries of an asynchronous invocation, then the dead-letter queue. */
  asyncInvoke?: { retryAttempts: number; maxEventAgeS?: number; deadLetterQueue: string };
  spec: FunctionSpec;
}

export interface RulePlan {
  name: string;
  /** The stage's bus for subscriptions; `default` for schedules (where schedules live). */
  bus: string;
  /** Set on a subscription: the contracts' patterns, exactly (one, or `$or` of several). */
  pattern?: Record<string, unknown>;
  /** Set on a schedule: `rate(...)` or `cron(...)`. */
  schedule?: string;
  description: string;
  target: {
    id: string;
    functionName: string;
    functionArn: string;
    retryAttempts: number;
    /** Unset: EventBridge's default (24 hours). */
    maxEventAgeS?: number;
    deadLetterQueue: string;
  };
}

export interface QueuePlan {
  name: string;
  arn: string;
  /** The function whose failures it keeps. */
  functionName: string;
  /** How long a message stays before SQS deletes it (SQS's longest, for recovery to read it). */
  retentionS: number;
}

export interface StateMachinePlan {
  service: string;
  workflow: string;
  name: string;
  arn: string;
  type: 'STANDARD' | 'EXPRESS';
  /** The ASL file it is read from, for messages that point at it. */
  source: string;
  /** The ASL with every placeholder filled with the ARN of the function it names. */
  definition: string;
  /** The functions its Task states invoke, by ARN. */
  invokes: string[];
}

export interface RoutePlan {
  method: string;
  /** The API Gateway resource path, e.g. `/orders/{orderId}`. */
  path: string;
  auth: AuthMode;
  functionName: string;
}

export interface SamplingRulePlan {
  name: string;
  /** 1 comes first; X-Ray's default rule (about one a second plus 5 %) comes after them all. */
  priority: number;
  method: string;
  /** The route's path as X-Ray matches it: each `{parameter}` a `*`. */
  urlPath: string;
}

export interface UserPoolPlan {
  service: string;
  name: string;
  identityPoolName: string;
  /** The hosted UI's prefix domain (`<prefix>.auth.<region>.amazoncognito.com`), AWS only. */
  domainPrefix: string;
  spec: UserPoolSpec;
  /** Cognito trigger -> the function it invokes, by name. */
  triggers: Record<string, string>;
}
