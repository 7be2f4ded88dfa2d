import { join } from 'node:path';
import type { FunctionSpec, ServiceManifest } from '@mytabs/contracts';
import { functionEnvironment } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { accessKeyIdOf, functionArn, functionName, REGION } from '../naming.ts';
import { resolveResources } from '../resolve-resources.ts';

/** A manifest function as the local Lambda runs it. */
export interface LocalFunction {
  /** `<service>-<function>`. */
  name: string;
  arn: string;
  service: string;
  /** The function's key in its manifest, e.g. `createPaymentIntent`. */
  key: string;
  spec: FunctionSpec;
  /** Absolute path of the handler file (`entry` resolved against the service folder). */
  entryPath: string;
  /** The variables its manifest implies (`functionEnvironment()`), as GetFunction shows them. */
  variables: Record<string, string>;
  /** The whole `process.env` the handler sees: the runtime's variables plus `variables`. */
  environment: Record<string, string>;
}

/** Callable by anyone: its route, subscription or schedule is how the platform reaches it. */
export const hasTrigger = (fn: LocalFunction) =>
  Boolean(fn.spec.http || fn.spec.subscribe || fn.spec.schedule);

const runtimeEnvironment = (
  manifest: ServiceManifest,
  key: string,
  spec: FunctionSpec,
  edgeUrl: string,
): Record<string, string> => {
  const name = functionName(manifest.service, key);
  return {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_ENDPOINT_URL: edgeUrl,
    AWS_ACCESS_KEY_ID: accessKeyIdOf(manifest.service, key),
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Tracing has no X-Ray daemon to talk to locally; metrics stay on (EMF lines in the log).
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_NAMESPACE: 'mytabs',
  };
};

export const localFunctions = (
  manifests: readonly LoadedManifest[],
  edgeUrl: string,
): LocalFunction[] =>
  manifests.flatMap(({ manifest, dir }) => {
    const resources = resolveResources(manifest, manifests, edgeUrl);
    return Object.entries(manifest.functions).map(([key, spec]) => {
      const name = functionName(manifest.service, key);
      let variables: Record<string, string>;
      try {
        variables = functionEnvironment(manifest, spec, resources);
      } catch (error) {
        throw new Error(`${manifest.service}.functions.${key}: ${(error as Error).message}`);
      }
      return {
        name,
        arn: functionArn(name),
        service: manifest.service,
        key,
        spec,
        entryPath: join(dir, spec.entry),
        variables,
        environment: { ...runtimeEnvironment(manifest, key, spec, edgeUrl), ...variables },
      };
    });
  });
