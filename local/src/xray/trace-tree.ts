import type { StoredTrace } from './local-traces.ts';
import type { SegmentDocument } from './segment-document.ts';

/**
 * A trace's segments as X-Ray answers them: each subsegment sent on its own nested under its
 * parent (a segment or another subsegment), so only segments remain at the top. A subsegment whose
 * parent never arrived stays at the top, as X-Ray shows an incomplete trace.
 */
export const segmentsOf = (trace: StoredTrace): SegmentDocument[] => {
  const copies = trace.documents.map((d) => structuredClone(d));
  const byId = new Map<string, SegmentDocument>();
  const index = (doc: SegmentDocument) => {
    byId.set(doc.id, doc);
    for (const child of doc.subsegments ?? []) index(child);
  };
  for (const doc of copies) index(doc);
  const top: SegmentDocument[] = [];
  for (const doc of copies) {
    const parent = doc.type === 'subsegment' && doc.parent_id && byId.get(doc.parent_id);
    if (!parent || parent === doc) {
      top.push(doc);
      continue;
    }
    // Nested, it names its trace and parent by where it is, as X-Ray's answers show it.
    delete doc.type;
    delete doc.trace_id;
    delete doc.parent_id;
    parent.subsegments = [...(parent.subsegments ?? []), doc];
  }
  for (const doc of byId.values()) doc.subsegments?.sort((a, b) => a.start_time - b.start_time);
  return top.sort((a, b) => a.start_time - b.start_time);
};

/** Every segment and subsegment of the trees, depth first. */
export const everyNode = (segments: readonly SegmentDocument[]): SegmentDocument[] =>
  segments.flatMap((s) => [s, ...everyNode(s.subsegments ?? [])]);
