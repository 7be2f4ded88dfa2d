import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FIVE_MINUTES } from './aws-metric.ts';

/**
 * A metric a service publishes with Powertools (EMF): the stage's namespace, the `service`
 * dimension Powertools adds (the manifest's service name).
 */
export const serviceMetric = (
  namespace: string,
  service: string,
  metricName: string,
  statistic = 'Sum',
) =>
  new Metric({
    namespace,
    metricName,
    dimensionsMap: { service },
    statistic,
    period: FIVE_MINUTES,
  });
