import type { Plan } from '@mytabs/plan';
import type { FixedResources } from './cost-model.ts';

/** The metrics the services publish with Powertools (one custom metric each). */
const SERVICE_METRICS = 12;
/**
 * The sites (infra/src/sites/sites.ts): each has three alarmed error-rate metrics in us-east-1,
 * eight additional CloudFront metrics (custom metrics' price) and an HTTPS health check.
 */
const SITES = 3;
const CLOUDFRONT_ADDITIONAL_METRICS = 8;
/** Two web ACLs (the API's, the sites') of three rules each (infra/src/waf/web-acl.ts). */
const WEB_ACLS = 2;
const RULES_PER_WEB_ACL = 3;

/**
 * A stage's monthly resources, counted from its plan as infra/src/monitoring builds their alarms:
 * two metrics per function (errors, invocations), per table (read, write throttles) and per
 * workflow (failed, timed out), one per dead-letter queue, and the fixed ones (API 5XX and p99,
 * three service metrics, two SES rates, three per site), and what the sites and the domain add.
 */
export const fixedResourcesOf = (plan: Plan): FixedResources => ({
  dashboards: 1,
  alarmMetrics:
    plan.functions.length * 2 +
    plan.tables.length * 2 +
    plan.stateMachines.length * 2 +
    plan.deadLetterQueues.length +
    2 +
    3 +
    2 +
    SITES * 3,
  customMetrics: SERVICE_METRICS + SITES * CLOUDFRONT_ADDITIONAL_METRICS,
  secrets: plan.secrets.length,
  webAcls: WEB_ACLS,
  webAclRules: WEB_ACLS * RULES_PER_WEB_ACL,
  hostedZones: 1,
  // One per site and one for the API.
  healthChecks: SITES + 1,
});
