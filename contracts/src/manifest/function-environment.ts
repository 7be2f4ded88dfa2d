import type { FunctionSpec, ServiceManifest } from './service-manifest.ts';

/** Where each resource a function uses lives in one runtime (AWS via the CDK, or the local platform). */
export interface ResolvedResources {
  tableName?: string;
  busName?: string;
  /** Secret name in the manifest -> the secret's id (name or ARN) in Secrets Manager. */
  secretIds: Record<string, string>;
  /** `service.function` -> the function's name or ARN, as Lambda Invoke takes it. */
  functionNames: Record<string, string>;
  /** Workflow name -> state machine ARN. */
  workflowArns: Record<string, string>;
  /** Sender address of `uses.email` functions, `noreply@<domain>`. */
  emailFrom?: string;
  /** The SES configuration set every email is sent with (its events: bounces, complaints). */
  emailConfigurationSet?: string;
  /** The user pool `uses.userPool` functions verify tokens of. */
  userPool?: { id: string; issuer: string; jwksUrl: string; clientIds: string[] };
}

const upperSnake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** `ticketing.holdSeats` -> `FUNCTION_TICKETING_HOLD_SEATS`. */
export const functionVariable = (ref: string) => `FUNCTION_${upperSnake(ref)}`;
/** `stripe-secret-key` -> `SECRET_STRIPE_SECRET_KEY`. */
export const secretVariable = (secret: string) => `SECRET_${upperSnake(secret)}`;
/** `OrderFulfillment` -> `WORKFLOW_ORDER_FULFILLMENT_ARN`. */
export const workflowVariable = (workflow: string) => `WORKFLOW_${upperSnake(workflow)}_ARN`;

const required = (value: string | undefined, what: string) => {
  if (value === undefined) throw new Error(`No ${what} was resolved for this function`);
  return value;
};

/**
 * The environment a function runs with, the same on AWS and locally: the names of the resources
 * its `uses` grants, never a secret's value (handlers fetch those from Secrets Manager). Both
 * runtimes call this, so a handler's configuration schema has one set of names to read.
 */
export const functionEnvironment = (
  manifest: ServiceManifest,
  fn: FunctionSpec,
  resources: ResolvedResources,
): Record<string, string> => {
  const env: Record<string, string> = {
    SERVICE_NAME: manifest.service,
    POWERTOOLS_SERVICE_NAME: manifest.service,
  };
  const { uses } = fn;
  if (uses.table) env.TABLE_NAME = required(resources.tableName, 'table');
  if (uses.bus) env.EVENT_BUS_NAME = required(resources.busName, 'event bus');
  for (const secret of uses.secrets ?? []) {
    env[secretVariable(secret)] = required(resources.secretIds[secret], `secret ${secret}`);
  }
  for (const ref of uses.invoke ?? []) {
    env[functionVariable(ref)] = required(resources.functionNames[ref], `function ${ref}`);
  }
  for (const workflow of uses.workflows ?? []) {
    env[workflowVariable(workflow)] = required(
      resources.workflowArns[workflow],
      `workflow ${workflow}`,
    );
  }
  if (uses.email) {
    env.EMAIL_FROM = required(resources.emailFrom, 'email sender');
    env.EMAIL_CONFIGURATION_SET = required(
      resources.emailConfigurationSet,
      'email configuration set',
    );
  }
  if (uses.userPool) {
    if (!resources.userPool) throw new Error('No user pool was resolved for this function');
    Object.assign(env, userPoolVariables(resources.userPool));
  }
  return env;
};

/**
 * The variables of a `uses.userPool` function. Exported on its own for the CDK app, which knows
 * the pool only after the functions its triggers call exist.
 */
export const userPoolVariables = (pool: NonNullable<ResolvedResources['userPool']>) => ({
  USER_POOL_ID: pool.id,
  USER_POOL_ISSUER: pool.issuer,
  USER_POOL_JWKS_URL: pool.jwksUrl,
  USER_POOL_CLIENT_IDS: pool.clientIds.join(','),
});
