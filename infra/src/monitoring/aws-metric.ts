import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';

/** Every alarm and graph of a stage reads 5-minute periods unless it says otherwise. */
export const FIVE_MINUTES = Duration.minutes(5);

/** An AWS service's metric of one resource, over 5 minutes. */
export const awsMetric = (
  namespace: string,
  metricName: string,
  dimensionsMap: Record<string, string>,
  statistic = 'Sum',
  label?: string,
) => new Metric({ namespace, metricName, dimensionsMap, statistic, period: FIVE_MINUTES, label });

/** The sum of metrics (one alarm over, say, read and write throttles), by their ids. */
export const sumOf = (label: string, metrics: Record<string, Metric>) =>
  new MathExpression({
    expression: Object.keys(metrics).join(' + '),
    usingMetrics: metrics,
    label,
    period: FIVE_MINUTES,
  });
