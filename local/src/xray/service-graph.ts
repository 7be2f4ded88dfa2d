import type { StoredTrace } from './local-traces.ts';
import type { SegmentDocument } from './segment-document.ts';
import { everyNode, segmentsOf } from './trace-tree.ts';

interface Statistics {
  OkCount: number;
  ErrorStatistics: { TotalCount: number };
  FaultStatistics: { TotalCount: number };
  TotalCount: number;
  TotalResponseTime: number;
}

interface GraphService {
  ReferenceId: number;
  Name: string;
  Names: string[];
  Type: string;
  Root: boolean;
  StartTime: number;
  EndTime: number;
  Edges: { ReferenceId: number; SummaryStatistics: Statistics }[];
  SummaryStatistics: Statistics;
}

const emptyStatistics = (): Statistics => ({
  OkCount: 0,
  ErrorStatistics: { TotalCount: 0 },
  FaultStatistics: { TotalCount: 0 },
  TotalCount: 0,
  TotalResponseTime: 0,
});

const count = (statistics: Statistics, segment: SegmentDocument) => {
  statistics.TotalCount += 1;
  statistics.TotalResponseTime += (segment.end_time ?? segment.start_time) - segment.start_time;
  if (segment.fault) statistics.FaultStatistics.TotalCount += 1;
  else if (segment.error) statistics.ErrorStatistics.TotalCount += 1;
  else statistics.OkCount += 1;
};

/**
 * GetServiceGraph's answer over some traces: a node per service (segment name and origin), an
 * edge from the service whose segment (or subsegment) is another segment's parent, with counts.
 */
export const serviceGraph = (traces: readonly StoredTrace[]): GraphService[] => {
  const nodes = new Map<string, GraphService>();
  const nodeOf = (segment: SegmentDocument) => {
    const key = `${segment.name}|${segment.origin ?? ''}`;
    let node = nodes.get(key);
    if (!node) {
      node = {
        ReferenceId: nodes.size,
        Name: segment.name,
        Names: [segment.name],
        Type: segment.origin ?? 'client',
        Root: !segment.parent_id,
        StartTime: segment.start_time,
        EndTime: segment.end_time ?? segment.start_time,
        Edges: [],
        SummaryStatistics: emptyStatistics(),
      };
      nodes.set(key, node);
    }
    node.StartTime = Math.min(node.StartTime, segment.start_time);
    node.EndTime = Math.max(node.EndTime, segment.end_time ?? segment.start_time);
    return node;
  };
  for (const trace of traces) {
    const segments = segmentsOf(trace);
    const ownerOf = new Map<string, SegmentDocument>();
    for (const segment of segments) {
      for (const node of everyNode([segment])) ownerOf.set(node.id, segment);
    }
    for (const segment of segments) {
      const node = nodeOf(segment);
      count(node.SummaryStatistics, segment);
      const parent = segment.parent_id && ownerOf.get(segment.parent_id);
      if (!parent) continue;
      const from = nodeOf(parent);
      let edge = from.Edges.find((e) => e.ReferenceId === node.ReferenceId);
      if (!edge) {
        edge = { ReferenceId: node.ReferenceId, SummaryStatistics: emptyStatistics() };
        from.Edges.push(edge);
      }
      count(edge.SummaryStatistics, segment);
      node.Root = false;
    }
  }
  return [...nodes.values()];
};
