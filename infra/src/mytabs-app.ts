import type { EventContract } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { type Plan, resolvePlan, stageNames } from '@mytabs/plan';
import { type App, Aws, type Stack, Validations } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api/api-stack.ts';
import type { BackupStack } from './backup/backup-stack.ts';
import type { MyTabsConfig } from './config.ts';
import type { AccountStack } from './costs/account-stack.ts';
import { EdgeStack } from './domains/edge-stack.ts';
import { EmailStack } from './email/email-stack.ts';
import type { MonitoredDistribution } from './monitoring/cloudfront-metrics.ts';
import { EdgeMonitoringStack } from './monitoring/edge-monitoring-stack.ts';
import type { MonitoringStack } from './monitoring/monitoring-stack.ts';
import { buildOperations } from './operations.ts';
import { PlatformStack } from './platform/platform-stack.ts';
import { ServiceStack } from './service/service-stack.ts';
import { SITES } from './sites/sites.ts';
import { SitesStack } from './sites/sites-stack.ts';

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
  /** The stage's plan, which every stack was built from. */
  plan: Plan;
  platform: PlatformStack;
  /** The SES identity and configuration set every sending function uses. */
  email: EmailStack;
  services: Record<string, ServiceStack>;
  /** Absent while no manifest declares a route (a REST API must have a method). */
  api?: ApiStack;
  /** The certificate and web ACL CloudFront takes from us-east-1; there with the API. */
  edge?: EdgeStack;
  /** The sites, the domain's records and health checks; there with the API. */
  sites?: SitesStack;
  /** Every alarm of the stage (to one topic) and its dashboard. */
  monitoring: MonitoringStack;
  /** The sites' alarms in us-east-1, where CloudFront's metrics are; there with the sites. */
  edgeMonitoring?: EdgeMonitoringStack;
  backup: BackupStack;
  /** The budget and cost anomaly detection, once per account (`accountWide`: prod by default). */
  account?: AccountStack;
}

/**
 * The stage's plan as CloudFormation: a platform stack, one stack per service and the API, and
 * the sites on the domain (with what CloudFront needs from us-east-1 in a stack of its own). ARNs
 * in the plan are built from the pseudo parameters, so the stacks stay environment-agnostic.
 * cdk-nag's AwsSolutions checks run on every synth and fail it on an unacknowledged finding.
 * Around them: the stage's alarms, dashboard and backups, and once per account its budget.
 */
export const buildMyTabs = (app: App, props: MyTabsProps): MyTabsStacks => {
  const { config } = props;
  const env = { account: config.account, region: config.region };
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const plan = resolvePlan({
    stage: config.stage,
    services: props.services,
    events: props.events,
    location: { partition: Aws.PARTITION, region: Aws.REGION, account: Aws.ACCOUNT_ID },
    emailDomain: config.domainName,
    ...(config.userPoolName && { userPoolName: config.userPoolName }),
  });
  const names = stageNames(config.stage);
  const protect = config.stage === 'prod';
  const logRetention = protect ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH;

  const platform = new PlatformStack(app, names.stack('platform'), {
    env,
    description: `MyTabs ${config.stage}: the event bus, its archive and the event schema registry`,
    plan,
    archiveRetentionDays: config.archiveRetentionDays,
    events: props.events,
    protect,
    terminationProtection: protect,
  });

  const email = new EmailStack(app, names.stack('email'), {
    env,
    description: `MyTabs ${config.stage}: email from ${config.domainName} through SES (identity, DKIM, MAIL FROM, configuration set)`,
    email: plan.email,
    config,
    terminationProtection: protect,
  });

  const services: Record<string, ServiceStack> = {};
  for (const { manifest } of props.services) {
    const stack = new ServiceStack(app, names.stack(manifest.service), {
      env,
      description: `MyTabs ${config.stage}: the ${manifest.service} service, from its plan`,
      plan,
      service: manifest.service,
      config,
      email: { identityArn: email.identityArn, configurationSetArn: email.configurationSetArn },
      protect,
      logRetention,
      projectRoot: props.projectRoot,
      terminationProtection: protect,
    });
    // Services reach the bus and each other by name, not by reference: deployment order only.
    stack.addStackDependency(platform);
    stack.addStackDependency(email);
    services[manifest.service] = stack;
  }

  const operations = (distributions: MonitoredDistribution[], shared: Stack[]) =>
    buildOperations(app, {
      config,
      env,
      plan,
      names,
      protect,
      distributions,
      stacks: { shared: [platform, email, ...shared], services },
    });

  if (plan.routes.length === 0) return { plan, platform, email, services, ...operations([], []) };
  const api = new ApiStack(app, names.stack('api'), {
    env,
    description: `MyTabs ${config.stage}: the REST API of every route, with its WAF web ACL`,
    plan,
    logRetention,
    protect,
    terminationProtection: protect,
  });
  for (const stack of Object.values(services)) api.addStackDependency(stack);

  const edge = new EdgeStack(app, names.stack('edge'), {
    account: config.account,
    description: `MyTabs ${config.stage}: the certificate of ${config.domainName} and the sites' web ACL, in us-east-1 for CloudFront`,
    config,
    webAclName: names.sitesWebAcl,
    terminationProtection: protect,
  });
  const sites = new SitesStack(app, names.stack('sites'), {
    env,
    description: `MyTabs ${config.stage}: the sites of ${config.domainName}, their distributions, the API's domain, records and health checks`,
    config,
    api: api.api,
    certificate: edge.certificate,
    webAclArn: edge.webAcl.webAcl.attrArn,
    protect,
    healthCheckName: names.healthCheck,
    terminationProtection: protect,
  });
  const distributions = sites.sites.map((site, i) => ({
    site: SITES[i]?.key ?? site.name,
    distributionId: site.distribution.distributionId,
  }));
  const edgeMonitoring = new EdgeMonitoringStack(app, names.stack('edge-monitoring'), {
    account: config.account,
    description: `MyTabs ${config.stage}: the sites' CloudFront metrics and origin-error alarms, in us-east-1 where those metrics are`,
    names,
    alarmEmail: config.alarmEmail,
    distributions,
    terminationProtection: protect,
  });
  return {
    plan,
    platform,
    email,
    services,
    api,
    edge,
    sites,
    edgeMonitoring,
    ...operations(distributions, [api, edge, sites, edgeMonitoring]),
  };
};
