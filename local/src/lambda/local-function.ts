import { dirname } from 'node:path';
import type { FunctionSpec } from '@mytabs/contracts';
import { userPoolVariables } from '@mytabs/contracts';
import type { FunctionPlan, Plan } from '@mytabs/plan';
import { localUserPoolOf } from '../cognito/pool-ids.ts';
import { accessKeyIdOf, REGION } from '../naming.ts';
import type { FunctionBundles } from './function-bundles.ts';

/** A manifest function as the local Lambda runs it. */
export interface LocalFunction {
  /** Its name in the plan, `mytabs-local-<service>-<function>`. */
  name: string;
  arn: string;
  service: string;
  /** The function's key in its manifest, e.g. `createPaymentIntent`. */
  key: string;
  spec: FunctionSpec;
  /** Absolute path of the handler file (`entry` resolved against the service folder). */
  entryPath: string;
  /** What its workers load: the handler bundled as it deploys, or why that could not be built. */
  code: { bundle: string } | { missing: true } | { buildError: string };
  /** Its asynchronous invocation config (retries, event age, on-failure queue), if the plan sets one. */
  asyncInvoke: FunctionPlan['asyncInvoke'];
  /** The variables the plan gives it, as GetFunctionConfiguration shows them. */
  variables: Record<string, string>;
  /** The whole `process.env` the handler sees: the runtime's variables plus `variables`. */
  environment: Record<string, string>;
}

/** Callable by anyone: its route, subscription (to catalog or SES events) or schedule reaches it. */
export const hasTrigger = (fn: LocalFunction) =>
  Boolean(fn.spec.http || fn.spec.subscribe || fn.spec.sesEvents || fn.spec.schedule);

/**
 * What Lambda sets for an actively traced function, so Powertools' tracer and the X-Ray SDK run
 * as they do there (the SDK's Lambda mode: subsegments only, sent to the daemon address as each
 * closes); with tracing off, Powertools' switch alone.
 */
const tracingEnvironment = (
  fn: FunctionPlan,
  daemonAddress: string | undefined,
): Record<string, string> =>
  daemonAddress
    ? {
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
        LAMBDA_TASK_ROOT: dirname(fn.entry),
        AWS_XRAY_DAEMON_ADDRESS: daemonAddress,
        AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      }
    : { POWERTOOLS_TRACE_ENABLED: 'false' };

const runtimeEnvironment = (
  fn: FunctionPlan,
  edgeUrl: string,
  daemonAddress: string | undefined,
): Record<string, string> => ({
  AWS_REGION: REGION,
  AWS_DEFAULT_REGION: REGION,
  AWS_LAMBDA_FUNCTION_NAME: fn.name,
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
  AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
  AWS_ENDPOINT_URL: edgeUrl,
  AWS_ACCESS_KEY_ID: accessKeyIdOf(fn.service, fn.key),
  AWS_SECRET_ACCESS_KEY: 'local',
  ...tracingEnvironment(fn, daemonAddress),
});

/** Every function of the plan, with the environment it has on AWS plus what Lambda sets. */
export const localFunctions = (
  plan: Plan,
  edgeUrl: string,
  built: Pick<FunctionBundles, 'bundles' | 'failures'>,
  /** The local X-Ray daemon's `host:port`; absent when tracing is off. */
  daemonAddress?: string,
): LocalFunction[] => {
  const pool = plan.userPool && localUserPoolOf(plan.userPool, edgeUrl);
  return plan.functions.map((fn) => {
    if (fn.needsUserPoolVariables && !pool) {
      throw new Error(`${fn.ref}: uses the user pool, but no manifest declares one`);
    }
    const variables = {
      ...fn.environment,
      ...(fn.needsUserPoolVariables && pool ? userPoolVariables(pool) : {}),
    };
    return {
      name: fn.name,
      arn: fn.arn,
      service: fn.service,
      key: fn.key,
      spec: fn.spec,
      entryPath: fn.entry,
      code: codeOf(fn.name, built),
      asyncInvoke: fn.asyncInvoke,
      variables,
      environment: { ...runtimeEnvironment(fn, edgeUrl, daemonAddress), ...variables },
    };
  });
};

const codeOf = (
  name: string,
  { bundles, failures }: Pick<FunctionBundles, 'bundles' | 'failures'>,
): LocalFunction['code'] => {
  const bundle = bundles.get(name);
  if (bundle) return { bundle };
  const buildError = failures.get(name);
  return buildError ? { buildError } : { missing: true };
};
