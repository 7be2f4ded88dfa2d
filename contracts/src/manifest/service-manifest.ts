import * as z from 'zod';
import { SesDetailType } from '../aws-events/ses-events.ts';
import { TableActions } from './table-actions.ts';

/**
 * What a service asks of a runtime. Both runtimes read it: `infra/` turns it into AWS resources,
 * `local/` into a running system. It is data only, so that neither has to import service code.
 */

const camelName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be camelCase, e.g. holdSeats');
const pascalName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be PascalCase');
const serviceName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case, e.g. payments');
const secretName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case kebab, e.g. stripe-secret-key');
const attributeName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/);

/** `service.function`: how one service names another's function, never by import. */
export const FunctionRef = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*\.[a-z][A-Za-z0-9]*$/,
    'must be service.function, e.g. ticketing.holdSeats',
  );
export type FunctionRef = z.infer<typeof FunctionRef>;

export const KeyAttribute = z.strictObject({
  name: attributeName,
  type: z.enum(['S', 'N', 'B']).default('S'),
});

export const TableIndex = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/),
  partitionKey: KeyAttribute,
  sortKey: KeyAttribute.optional(),
});

export const TableSpec = z.strictObject({
  partitionKey: KeyAttribute,
  sortKey: KeyAttribute.optional(),
  indexes: z.array(TableIndex).default([]),
  /** Garbage collection only: expiry that matters is read from an attribute, never left to TTL. */
  ttlAttribute: attributeName.optional(),
});

/**
 * Who may call a route: `public` anyone, unasked; `public-or-user` anyone, but a Cognito token,
 * when sent, must verify and tells the handler who is calling (a signed-in buyer's checkout);
 * `user` a Cognito token; `user-or-order` a Cognito token or an order token; `token-or-link` a Cognito
 * token, an order token, or none when the URL carries a link the handler signed (an email's
 * download links, which a mail client opens without a header).
 */
export const AuthMode = z.enum([
  'public',
  'public-or-user',
  'user',
  'user-or-order',
  'token-or-link',
]);
export type AuthMode = z.infer<typeof AuthMode>;

/** Routes whose token is optional: API Gateway runs their authorizer with no identity source. */
export const tokenIsOptional = (auth: AuthMode) =>
  auth === 'public-or-user' || auth === 'token-or-link';

export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const HttpRoute = z.strictObject({
  method: HttpMethod,
  /** API Gateway resource path; parameters as `{name}`. */
  path: z
    .string()
    .regex(
      /^(\/([A-Za-z0-9._-]+|\{[A-Za-z][A-Za-z0-9]*\}))+$/,
      'must be a path like /orders/{orderId}',
    ),
  auth: AuthMode,
  /**
   * Every request's trace is kept (an X-Ray sampling rule at 100 %), not about one a second plus
   * 5 %: the routes an order passes through, so every order can be found by its id.
   */
  keepTraces: z.literal(true).optional(),
});
export type HttpRoute = z.infer<typeof HttpRoute>;

export const Subscription = z.strictObject({
  /** Detail types of catalog events (e.g. PaymentSucceeded); the rule pattern comes from their contracts. */
  events: z.array(pascalName).min(1),
  /** The function's async retries (Lambda allows 0-2) and the rule target's. */
  retryAttempts: z.number().int().min(0).max(2).default(2),
  maxEventAgeS: z.number().int().min(60).max(21_600).default(3_600),
});

/**
 * SES's own events (bounces, complaints), which SES puts on the default bus only: a rule there,
 * apart from the contract rules on the stage's bus. The function translates them into catalog
 * events; nothing else should read them.
 */
export const SesSubscription = z.strictObject({
  events: z.array(SesDetailType).min(1),
  retryAttempts: z.number().int().min(0).max(2).default(2),
  maxEventAgeS: z.number().int().min(60).max(21_600).default(3_600),
});

export const Schedule = z
  .string()
  .regex(/^(rate\(.+\)|cron\(.+\))$/, 'must be rate(...) or cron(...) as EventBridge writes them');

/** Least-privilege grants: each one turns into exactly one IAM grant and one local permission. */
export const Uses = z.strictObject({
  /** The DynamoDB actions it calls on its own service's table (see `TableActions`). */
  table: TableActions.optional(),
  bus: z.boolean().optional(),
  secrets: z.array(secretName).optional(),
  invoke: z.array(FunctionRef).optional(),
  /** Workflows of this service the function may start, describe and redrive. */
  workflows: z.array(pascalName).optional(),
  email: z.boolean().optional(),
  /** Verifies the user pool's tokens (issuer, key set and client ids in the environment). */
  userPool: z.boolean().optional(),
});
export type Uses = z.infer<typeof Uses>;

export const FunctionSpec = z
  .strictObject({
    /** Source file, relative to the service folder; it exports `handler`. */
    entry: z
      .string()
      .regex(/^src\/handlers\/[a-z0-9-]+\.ts$/, 'must be src/handlers/<kebab-name>.ts'),
    memoryMb: z.number().int().min(128).max(10_240).default(256),
    timeoutS: z.number().int().min(1).max(900).default(10),
    http: HttpRoute.optional(),
    subscribe: Subscription.optional(),
    sesEvents: SesSubscription.optional(),
    schedule: Schedule.optional(),
    /** Services allowed to invoke this function directly (synchronous calls, workflow steps). */
    invokedBy: z.array(serviceName).optional(),
    uses: Uses.default({}),
  })
  .refine((f) => !(f.subscribe && f.sesEvents), {
    message: 'a function subscribes to catalog events or to SES events, not both',
    path: ['sesEvents'],
  })
  .refine((f) => !f.http || f.timeoutS <= 29, {
    message: "an API function must time out before API Gateway's 29 s integration limit",
    path: ['timeoutS'],
  });
export type FunctionSpec = z.infer<typeof FunctionSpec>;

export const WorkflowSpec = z.strictObject({
  /** ASL file, relative to the service folder. */
  definition: z.string().regex(/^workflows\/[a-z0-9-]+\.asl\.json$/),
  type: z.enum(['STANDARD', 'EXPRESS']),
  /** `${Name}` placeholders in the ASL, each filled with the ARN of the named function. */
  substitutions: z.record(pascalName, FunctionRef).default({}),
});
export type WorkflowSpec = z.infer<typeof WorkflowSpec>;

export const PasswordPolicy = z.strictObject({
  minLength: z.number().int().min(6).max(99),
  requireLowercase: z.boolean(),
  requireUppercase: z.boolean(),
  requireDigits: z.boolean(),
  requireSymbols: z.boolean(),
});

export const UserPoolClient = z.strictObject({
  name: z.string().min(1),
  authFlows: z.array(z.enum(['userPassword', 'userSrp', 'adminUserPassword', 'custom'])).min(1),
  oAuth: z
    .strictObject({
      flows: z.array(z.enum(['authorizationCodeGrant', 'implicitCodeGrant'])).min(1),
      scopes: z.array(z.enum(['openid', 'profile', 'email', 'phone'])).min(1),
      callbackUrls: z.array(z.url()).min(1),
      logoutUrls: z.array(z.url()).default([]),
    })
    .optional(),
});

export const UserPoolSpec = z.strictObject({
  name: z.string().min(1),
  signInWith: z.array(z.enum(['email', 'username', 'phone'])).min(1),
  passwordPolicy: PasswordPolicy,
  mfa: z.enum(['off', 'optional', 'required']),
  groups: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
  /**
   * Attributes a user's change of which takes effect only once the new value is verified: until
   * then the verified one stays (Cognito's `keepOriginal`), so nobody holds an address unproven.
   */
  keepOriginalUntilVerified: z.array(z.enum(['email', 'phone'])).default([]),
  clients: z.array(UserPoolClient).min(1),
  /** Cognito trigger -> a function of this service. */
  triggers: z
    .strictObject({
      postConfirmation: camelName.optional(),
      preTokenGeneration: camelName.optional(),
    })
    .default({}),
});
export type UserPoolSpec = z.infer<typeof UserPoolSpec>;

export const ServiceManifest = z.strictObject({
  service: serviceName,
  table: TableSpec.optional(),
  secrets: z.array(secretName).default([]),
  functions: z.record(camelName, FunctionSpec).default({}),
  workflows: z.record(pascalName, WorkflowSpec).default({}),
  userPool: UserPoolSpec.optional(),
  /** The function that authorizes every protected route of the API (one in the whole system). */
  authorizer: camelName.optional(),
  /**
   * How long API Gateway may reuse the authorizer's answer for one token. Zero by default: the
   * answer carries the caller's business memberships, and an organizer who just created a
   * business must be able to use it on the next request.
   */
  authorizerCacheTtlS: z.number().int().min(0).max(3600).default(0),
});
export type ServiceManifest = z.infer<typeof ServiceManifest>;
export type ServiceManifestInput = z.input<typeof ServiceManifest>;

/** Parse a service's manifest: the one place its defaults are filled in. */
export const defineManifest = (input: ServiceManifestInput): ServiceManifest =>
  ServiceManifest.parse(input);
