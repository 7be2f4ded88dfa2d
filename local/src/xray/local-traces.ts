import { SegmentDocument } from './segment-document.ts';

/** Traces kept, newest last; the oldest go first (the local platform keeps memory bounded). */
const MAX_TRACES = 500;

export interface StoredTrace {
  id: string;
  /** Every document received for it, as sent: segments and subsegments sent on their own. */
  documents: SegmentDocument[];
}

/**
 * The traces of the local platform, in memory: what the functions' X-Ray SDK sends to the daemon
 * address and the segments the platform's own parts (API, Lambda, workflows, bus) record.
 */
export class LocalTraces {
  readonly #traces = new Map<string, StoredTrace>();

  /** Keeps one document (a later one with the same id replaces it); false if it is not one. */
  record(document: unknown): boolean {
    const parsed = SegmentDocument.safeParse(document);
    if (!parsed.success || !parsed.data.trace_id) return false;
    const traceId = parsed.data.trace_id;
    let trace = this.#traces.get(traceId);
    if (!trace) {
      trace = { id: traceId, documents: [] };
      this.#traces.set(traceId, trace);
      if (this.#traces.size > MAX_TRACES) {
        this.#traces.delete(this.#traces.keys().next().value as string);
      }
    }
    const at = trace.documents.findIndex((d) => d.id === parsed.data.id);
    if (at >= 0) trace.documents[at] = parsed.data;
    else trace.documents.push(parsed.data);
    return true;
  }

  get(traceId: string): StoredTrace | undefined {
    return this.#traces.get(traceId);
  }

  all(): StoredTrace[] {
    return [...this.#traces.values()];
  }
}
