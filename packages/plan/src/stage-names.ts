/**
 * The naming rule of every physical resource: `mytabs-<stage>-…`, so stages (dev, prod, and the
 * local platform's own stage `local`) share one account and region without sharing a name. Names
 * are the one thing both runtimes must agree on to the letter; they are computed only here.
 */

/** What a stage may be called: it goes into every name, and some names are short (64). */
export const STAGE_PATTERN = /^[a-z][a-z0-9]{0,9}$/;

const checked = (name: string, max: number, what: string) => {
  if (name.length > max) throw new Error(`${what} name ${name} is longer than ${max} characters`);
  return name;
};

const pascal = (name: string) =>
  name.replace(/(^|[-_.])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export const stageNames = (stage: string) => {
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(
      `stage ${stage} must match ${STAGE_PATTERN} (lower case, at most 10 characters)`,
    );
  }
  const prefix = `mytabs-${stage}`;
  return {
    stage,
    prefix,
    /** CloudFormation stack: `MyTabs-Prod-Payments`. */
    stack: (part: string) => `MyTabs-${pascal(stage)}-${pascal(part)}`,
    /** The event bus every service publishes to, and its schema registry. */
    bus: prefix,
    archive: `${prefix}-archive`,
    schemaRegistry: prefix,
    api: prefix,
    /** CloudWatch namespace of the services' metrics (EMF): stages sharing an account stay apart. */
    metricsNamespace: prefix,
    /** `mytabs-prod-ticketing-holdSeats` for `ticketing.holdSeats`. */
    function: (service: string, fn: string) =>
      checked(`${prefix}-${service}-${fn}`, 64, 'Lambda function'),
    table: (service: string) => checked(`${prefix}-${service}`, 255, 'DynamoDB table'),
    /** Secrets are per service: two services naming the same secret get two, granted apart. */
    secret: (service: string, secret: string) => `mytabs/${stage}/${service}/${secret}`,
    stateMachine: (service: string, workflow: string) =>
      checked(`${prefix}-${service}-${workflow}`, 80, 'State machine'),
    /** The rule that delivers a function's subscribed events, on the bus. */
    subscriptionRule: (service: string, fn: string) =>
      checked(`${prefix}-${service}-${fn}`, 64, 'EventBridge rule'),
    /** The rule that delivers SES's events (bounces, complaints) to a function, on the default bus. */
    sesEventsRule: (service: string, fn: string) =>
      checked(`${prefix}-${service}-${fn}-ses`, 64, 'EventBridge rule'),
    /** The SES configuration set every email of the stage is sent with, and its event destination. */
    configurationSet: prefix,
    configurationSetEvents: `${prefix}-events`,
    /** The rule that runs a function on its schedule, on the default bus. */
    scheduleRule: (service: string, fn: string) =>
      checked(`${prefix}-${service}-${fn}-schedule`, 64, 'EventBridge rule'),
    /** Where a function's undeliverable events and failed async invocations land. */
    deadLetterQueue: (service: string, fn: string) =>
      checked(`${prefix}-${service}-${fn}-dlq`, 80, 'SQS queue'),
    /** The CLOUDFRONT-scope web ACL in front of the sites (AWS only: no local runtime has sites). */
    sitesWebAcl: `${prefix}-sites`,
    /** A Route 53 health check's `Name` tag: `mytabs-prod-ticket`, `mytabs-prod-api`. */
    healthCheck: (target: string) => `${prefix}-${target}`,
    /** The X-Ray sampling rule that keeps every trace of one route (`keepTraces`). */
    samplingRule: (index: number) => checked(`${prefix}-keep-${index}`, 32, 'X-Ray sampling rule'),
    /** The SNS topic every alarm of the stage notifies, and in us-east-1 CloudFront's alarms. */
    alarmTopic: `${prefix}-alarms`,
    /** A CloudWatch alarm: `mytabs-prod-dlq-ticketing-settleHold`. */
    alarm: (what: string) => checked(`${prefix}-${what}`, 255, 'CloudWatch alarm'),
    dashboard: prefix,
    /** The AWS Backup vault and plan of every table of the stage. */
    backupVault: prefix,
    backupPlan: prefix,
    /** User pools keep the name they have today (`mytabs-core-user-pool-prod`). */
    userPool: (poolName: string) => `${poolName}-${stage}`,
    identityPool: (poolName: string) => `${poolName}-identities-${stage}`,
    /** The hosted UI's Cognito prefix domain: unique in its region, like every name here. */
    userPoolDomainPrefix: prefix,
  };
};
export type StageNames = ReturnType<typeof stageNames>;

/**
 * What exists once per AWS account, whatever the stages in it: the budget and the cost anomaly
 * monitor (one stage creates them; see infra's `accountWide`).
 */
export const accountNames = {
  stack: 'MyTabs-Account',
  budget: 'mytabs-monthly',
  costTopic: 'mytabs-costs',
  anomalyMonitor: 'mytabs-services',
  anomalySubscription: 'mytabs-services',
} as const;
