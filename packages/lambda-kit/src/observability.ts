import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import type { CorrelationIds } from './correlation.ts';

/**
 * One logger, tracer and metrics per container, named by `POWERTOOLS_SERVICE_NAME` (the manifest's
 * service, set by both runtimes). The tracer records to X-Ray on AWS and is off locally
 * (`POWERTOOLS_TRACE_ENABLED=false`); metrics are CloudWatch EMF lines in the log, in the
 * namespace the plan gives every function (`POWERTOOLS_METRICS_NAMESPACE`, one per stage).
 */
export const logger = new Logger();
export const tracer = new Tracer();
export const metrics = new Metrics();
export { MetricUnit };

/** An AWS SDK v3 client whose calls appear as X-Ray subsegments (a no-op when tracing is off). */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);

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
  const segment = tracer.getSegment();
  const subsegment = segment?.addNewSubsegment(`## ${name}`);
  if (subsegment) tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await run();
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    logger.error('Invocation failed', error as Error);
    throw error;
  } finally {
    subsegment?.close();
    if (segment) tracer.setSegment(segment);
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
};
