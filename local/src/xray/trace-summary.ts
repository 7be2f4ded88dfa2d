import type { StoredTrace } from './local-traces.ts';
import type { SegmentDocument } from './segment-document.ts';
import { everyNode, segmentsOf } from './trace-tree.ts';

type AnnotationValue = { StringValue?: string; NumberValue?: number; BooleanValue?: boolean };

/** A trace as GetTraceSummaries answers it (the fields the local platform can know). */
export interface TraceSummary {
  Id: string;
  /** Epoch seconds of its first segment. */
  StartTime: number;
  /** Seconds from its first segment's start to its last one's end. */
  Duration: number;
  /** Seconds its entry segment took to answer. */
  ResponseTime: number;
  HasFault: boolean;
  HasError: boolean;
  HasThrottle: boolean;
  IsPartial: boolean;
  Http?: { HttpURL?: string; HttpStatus?: number; HttpMethod?: string };
  Annotations: Record<string, { AnnotationValue: AnnotationValue; ServiceIds: ServiceId[] }[]>;
  ServiceIds: ServiceId[];
  EntryPoint?: ServiceId;
}

export interface ServiceId {
  Name: string;
  Names: string[];
  Type?: string;
}

const serviceIdOf = (segment: SegmentDocument): ServiceId => ({
  Name: segment.name,
  Names: [segment.name],
  ...(segment.origin && { Type: segment.origin }),
});

const annotationValueOf = (value: string | number | boolean): AnnotationValue =>
  typeof value === 'string'
    ? { StringValue: value }
    : typeof value === 'number'
      ? { NumberValue: value }
      : { BooleanValue: value };

type HttpDoc = { request?: { url?: string; method?: string }; response?: { status?: number } };

export const summarize = (trace: StoredTrace): TraceSummary => {
  const segments = segmentsOf(trace);
  const entry = segments.find((s) => !s.parent_id) ?? segments[0];
  const start = Math.min(...segments.map((s) => s.start_time));
  const end = Math.max(...segments.map((s) => s.end_time ?? s.start_time));
  const services = new Map<string, ServiceId>();
  const annotations: TraceSummary['Annotations'] = {};
  const nodes = everyNode(segments);
  for (const segment of segments) {
    const id = serviceIdOf(segment);
    services.set(`${id.Name}|${id.Type}`, id);
    for (const node of everyNode([segment])) {
      for (const [key, value] of Object.entries(node.annotations ?? {})) {
        annotations[key] ??= [];
        const seen = annotations[key];
        const known = seen.find((a) => Object.values(a.AnnotationValue)[0] === value);
        if (!known) seen.push({ AnnotationValue: annotationValueOf(value), ServiceIds: [id] });
        else if (!known.ServiceIds.some((s) => s.Name === id.Name)) known.ServiceIds.push(id);
      }
    }
  }
  const http = entry?.http as HttpDoc | undefined;
  return {
    Id: trace.id,
    StartTime: start,
    Duration: end - start,
    ResponseTime: entry ? (entry.end_time ?? entry.start_time) - entry.start_time : 0,
    HasFault: nodes.some((n) => n.fault),
    HasError: nodes.some((n) => n.error),
    HasThrottle: nodes.some((n) => n.throttle),
    IsPartial: nodes.some((n) => n.in_progress),
    ...(http && {
      Http: {
        HttpURL: http.request?.url,
        HttpMethod: http.request?.method,
        HttpStatus: http.response?.status,
      },
    }),
    Annotations: annotations,
    ServiceIds: [...services.values()],
    ...(entry && { EntryPoint: serviceIdOf(entry) }),
  };
};
