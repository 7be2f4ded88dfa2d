import type { Plan } from '@mytabs/plan';
import type { FixedResources } from './cost-model.ts';

/** The metrics the services publish with Powertools (one custom metric each). */
const SERVICE_METRICS = 12;
/** The sites, each with three alarmed error-rate metrics in us-east-1. */
const SITES = 3;

/**
 * A stage's monthly resources, counted from its plan as infra/src/monitoring builds their alarms:
 * two metrics per function (errors, invocations), per table (read, write throttles) and per
 * workflow (failed, timed out), one per dead-letter queue, and the fixed ones (API 5XX and p99,
 * three service metrics, two SES rates, three per site).
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
  customMetrics: SERVICE_METRICS,
  secrets: plan.secrets.length,
});
