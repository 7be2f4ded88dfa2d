import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The only module that knows the tracer: Powertools' Tracer over the X-Ray SDK, which reaches end
 * of support on 2027-02-25, so a move to OpenTelemetry changes this file alone. Tracing is on
 * where Lambda runs the function (`AWS_EXECUTION_ENV`), on AWS and on the local platform, unless
 * `POWERTOOLS_TRACE_ENABLED=false`.
 */
const tracer = new Tracer();

/** What a trace is found by: `annotation.orderId = "ord_…"`. Never personal data. */
export type TraceAnnotations = Partial<Record<'orderId' | 'eventId' | 'businessId', string>>;

/** An AWS SDK v3 client whose calls appear as X-Ray subsegments (a no-op when tracing is off). */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);

/**
 * Runs one invocation in a subsegment `## <name>` of the function's segment, annotated with the
 * ids it knows; a thrown error marks that subsegment as a fault, with the error's type and stack.
 * Nothing the handler answers is recorded: answers hold buyers' names and emails.
 */
export const inSubsegment = async <R>(
  name: string,
  annotations: TraceAnnotations,
  run: () => Promise<R>,
): Promise<R> => {
  const segment = tracer.getSegment();
  const subsegment = segment?.addNewSubsegment(`## ${name}`);
  if (subsegment) tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  for (const [key, value] of Object.entries(annotations)) {
    if (value) tracer.putAnnotation(key, value);
  }
  try {
    return await run();
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    throw error;
  } finally {
    subsegment?.close();
    if (segment) tracer.setSegment(segment);
  }
};

/**
 * The `X-Amzn-Trace-Id` value a downstream hop carries (PutEvents' `TraceHeader`,
 * StartExecution's `traceHeader`) so its segments join this trace under the current subsegment;
 * undefined when tracing is off.
 */
export const traceHeader = (): string | undefined => {
  if (!tracer.isTracingEnabled()) return undefined;
  const root = tracer.getRootXrayTraceId();
  const current = tracer.getSegment();
  if (!root || !current) return undefined;
  return `Root=${root};Parent=${current.id};Sampled=${tracer.isTraceSampled() ? 1 : 0}`;
};
