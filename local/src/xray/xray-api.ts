import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import {
  AwsError,
  type AwsService,
  type EdgeRequest,
  type EdgeResponse,
  signingName,
} from '../edge/aws-service.ts';
import { parseFilterExpression } from './filter-expression.ts';
import type { LocalTraces, StoredTrace } from './local-traces.ts';
import { serviceGraph } from './service-graph.ts';
import { summarize } from './trace-summary.ts';
import { segmentsOf } from './trace-tree.ts';

const PATHS = new Set(['/TraceSummaries', '/Traces', '/ServiceGraph']);

/** X-Ray's REST-JSON timestamps: epoch seconds (the SDK), or an ISO date (some clients). */
const Timestamp = z.union([
  z.number(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s) / 1000),
]);

const TimeRange = z.object({ StartTime: Timestamp, EndTime: Timestamp });
const GetTraceSummaries = TimeRange.extend({
  FilterExpression: z.string().optional(),
  TimeRangeType: z.enum(['TraceId', 'Event', 'Service']).optional(),
  Sampling: z.boolean().optional(),
  NextToken: z.string().optional(),
});
const BatchGetTraces = z.object({
  TraceIds: z.array(z.string()).min(1).max(5),
  NextToken: z.string().optional(),
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(body),
});

const parse = <S extends z.ZodType>(schema: S, request: EdgeRequest): z.output<S> => {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8') || '{}');
  } catch {
    throw new AwsError('InvalidRequestException', 'The request body is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AwsError(
      'InvalidRequestException',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
};

const inRange = (trace: StoredTrace, start: number, end: number) =>
  trace.documents.some((d) => d.start_time >= start && d.start_time <= end);

const operations: Record<string, (traces: LocalTraces, request: EdgeRequest) => EdgeResponse> = {
  '/TraceSummaries': (traces, request) => {
    const input = parse(GetTraceSummaries, request);
    const matches = parseFilterExpression(input.FilterExpression);
    const inWindow = traces.all().filter((t) => inRange(t, input.StartTime, input.EndTime));
    return json(200, {
      TraceSummaries: inWindow
        .map(summarize)
        .filter(matches)
        .sort((a, b) => b.StartTime - a.StartTime),
      ApproximateTime: Date.now() / 1000,
      TracesProcessedCount: inWindow.length,
    });
  },
  '/Traces': (traces, request) => {
    const input = parse(BatchGetTraces, request);
    const found = input.TraceIds.flatMap((id) => traces.get(id) ?? []);
    return json(200, {
      Traces: found.map((trace) => {
        const summary = summarize(trace);
        return {
          Id: trace.id,
          Duration: summary.Duration,
          LimitExceeded: false,
          Segments: segmentsOf(trace).map((s) => ({ Id: s.id, Document: JSON.stringify(s) })),
        };
      }),
      UnprocessedTraceIds: input.TraceIds.filter((id) => !traces.get(id)),
    });
  },
  '/ServiceGraph': (traces, request) => {
    const input = parse(TimeRange, request);
    return json(200, {
      StartTime: input.StartTime,
      EndTime: input.EndTime,
      Services: serviceGraph(
        traces.all().filter((t) => inRange(t, input.StartTime, input.EndTime)),
      ),
      ContainsOldGroupVersions: false,
    });
  },
};

/**
 * X-Ray's read API on the edge (GetTraceSummaries, BatchGetTraces, GetServiceGraph), so the AWS
 * CLI and SDK find an order's trace as on AWS. With tracing off every call says so.
 */
export const xrayApi = (traces: LocalTraces | undefined): AwsService => ({
  name: 'xray',
  accepts: (request) =>
    signingName(request.headers) === 'xray' ||
    (request.method === 'POST' && PATHS.has(request.path)),
  async handle(request) {
    try {
      const operation = request.method === 'POST' ? operations[request.path] : undefined;
      if (!operation) {
        throw new AwsError(
          'InvalidRequestException',
          `The local X-Ray does not implement ${request.method} ${request.path} (it answers GetTraceSummaries, BatchGetTraces and GetServiceGraph)`,
          404,
        );
      }
      if (!traces) {
        throw new AwsError(
          'InvalidRequestException',
          'Tracing is off on this platform (started with --no-tracing): there are no traces to read',
        );
      }
      return operation(traces, request);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return json(error.status, { message: error.message }, { 'x-amzn-errortype': error.code });
    }
  },
});
