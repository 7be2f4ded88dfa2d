import type { EventContract } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { type App, Validations } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type ApiRoute, ApiStack } from './api/api-stack.ts';
import type { MyTabsConfig } from './config.ts';
import { functionName, splitRef, stackName } from './names.ts';
import { PlatformStack } from './platform/platform-stack.ts';
import { ServiceStack } from './service/service-stack.ts';

export interface MyTabsProps {
  config: MyTabsConfig;
  /** Every service's validated manifest and folder (`loadManifests`, or test fixtures). */
  services: LoadedManifest[];
  /** The event catalog, by detail type. */
  events: Record<string, EventContract>;
  /** The monorepo root esbuild bundles from. */
  projectRoot: string;
}

export interface MyTabsStacks {
  platform: PlatformStack;
  services: Record<string, ServiceStack>;
  /** Absent while no manifest declares a route (a REST API must have a method). */
  api?: ApiStack;
}

/**
 * The whole system on AWS, derived from the manifests: a platform stack, one stack per service and
 * the API. cdk-nag's AwsSolutions checks run on every synth and fail it on an unacknowledged finding.
 */
export const buildMyTabs = (app: App, props: MyTabsProps): MyTabsStacks => {
  const { config } = props;
  const env = { account: config.account, region: config.region };
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  const platform = new PlatformStack(app, stackName(config, 'platform'), {
    env,
    description: 'MyTabs: the mytabs event bus, its archive and the event schema registry',
    archiveRetentionDays: config.archiveRetentionDays,
    events: props.events,
  });

  const services: Record<string, ServiceStack> = {};
  for (const service of props.services) {
    const stack = new ServiceStack(app, stackName(config, service.manifest.service), {
      env,
      description: `MyTabs: the ${service.manifest.service} service, from its manifest`,
      config,
      service,
      events: props.events,
      projectRoot: props.projectRoot,
    });
    // Services reach the bus and each other by name, not by reference: deployment order only.
    stack.addStackDependency(platform);
    services[service.manifest.service] = stack;
  }

  const routes: ApiRoute[] = props.services.flatMap(({ manifest }) =>
    Object.entries(manifest.functions).flatMap(([name, fn]) =>
      fn.http ? [{ ref: `${manifest.service}.${name}`, http: fn.http }] : [],
    ),
  );
  if (routes.length === 0) return { platform, services };

  const withAuthorizer = props.services.find(({ manifest }) => manifest.authorizer);
  const api = new ApiStack(app, stackName(config, 'api'), {
    env,
    description: 'MyTabs: the REST API of every manifest route, with its WAF web ACL',
    apiName: `mytabs-${config.stage}`,
    routes,
    authorizerRef:
      withAuthorizer && `${withAuthorizer.manifest.service}.${withAuthorizer.manifest.authorizer}`,
    authorizerCacheTtlS: withAuthorizer?.manifest.authorizerCacheTtlS ?? 0,
    functionName: (ref) => functionName(config, ...splitRef(ref)),
    logRetention: config.stage === 'prod' ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
  });
  for (const stack of Object.values(services)) api.addStackDependency(stack);
  return { platform, services, api };
};
