import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { CorrelationIds } from './correlation.ts';
import { inSubsegment } from './tracing.ts';

/**
 * One logger and metrics per container, named by `POWERTOOLS_SERVICE_NAME` (the manifest's
 * service, set by both runtimes); metrics are CloudWatch EMF lines in the log, in the namespace
 * the plan gives every function (`POWERTOOLS_METRICS_NAMESPACE`, one per stage). The tracer is
 * `tracing.ts`.
 */
export const logger = new Logger();
export const metrics = new Metrics();
export { MetricUnit };

/**
 * Runs one invocation as Powertools' handler wrappers would: the Lambda context and the given
 * correlation ids on every log line, a traced subsegment with the cold start annotated, and the
 * metrics the invocation added flushed at its end, success or not.
 */
export const instrumented = async <R>(
  name: string,
  context: Context | undefined,
  correlation: CorrelationIds,
  run: () => Promise<R>,
): Promise<R> => {
  if (context) logger.addContext(context);
  logger.resetKeys();
  logger.appendKeys(correlation);
  const { orderId, eventId, businessId } = correlation;
  try {
    return await inSubsegment(name, { orderId, eventId, businessId }, run);
  } catch (error) {
    logger.error('Invocation failed', error as Error);
    throw error;
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
};
