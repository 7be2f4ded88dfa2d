import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';

/** CloudFront publishes its metrics in us-east-1 only, with the dimension `Region: Global`. */
export const CLOUDFRONT_METRICS_REGION = 'us-east-1';

export interface MonitoredDistribution {
  /** The site's key (`web`, `ticket`, `admin`). */
  site: string;
  distributionId: string;
}

const cloudFront = (distributionId: string, metricName: string) =>
  new Metric({
    namespace: 'AWS/CloudFront',
    metricName,
    dimensionsMap: { DistributionId: distributionId, Region: 'Global' },
    statistic: 'Average',
    period: Duration.minutes(5),
    region: CLOUDFRONT_METRICS_REGION,
  });

/**
 * The share of requests the origin failed (502, 503, 504 in %): CloudFront's additional metrics,
 * which the distribution's monitoring subscription turns on.
 */
export const originErrorRate = ({ site, distributionId }: MonitoredDistribution) => {
  // Ids are per site: one graph holds every site's expression, and ids must not repeat in it.
  const codes = ['502', '503', '504'];
  return new MathExpression({
    expression: codes.map((code) => `e${code}_${site}`).join(' + '),
    usingMetrics: Object.fromEntries(
      codes.map((code) => [`e${code}_${site}`, cloudFront(distributionId, `${code}ErrorRate`)]),
    ),
    label: `${site} origin errors (%)`,
    period: Duration.minutes(5),
  });
};

export const cacheHitRate = (distributionId: string) => cloudFront(distributionId, 'CacheHitRate');
