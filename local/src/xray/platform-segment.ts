import type { LocalTraces } from './local-traces.ts';
import type { SegmentDocument } from './segment-document.ts';
import {
  formatTraceHeader,
  newSegmentId,
  newTraceId,
  parseTraceHeader,
  type TraceContext,
} from './trace-header.ts';

/** How a platform segment ended: what X-Ray shows of a call (status, fault, the error's type). */
export interface SegmentOutcome {
  /** A 5xx, a function error, a failed state: the segment's own failure. */
  fault?: boolean;
  /** A 4xx: the caller's mistake. */
  error?: boolean;
  throttle?: boolean;
  http?: SegmentDocument['http'];
  /** The error's type and message, as X-Ray's `cause.exceptions`. */
  exception?: { type: string; message: string };
  annotations?: Record<string, string>;
}

const seconds = (ms: number) => ms / 1000;

/**
 * A segment one of the platform's own parts records (the API stage, the Lambda service and
 * function, a state machine, the bus), as the AWS service would: joined to the trace of the header
 * it received, or the first of a new trace when there is none. Recorded when it ends, only if the
 * trace is sampled; `header` is what its downstream calls carry.
 */
export class PlatformSegment {
  readonly id = newSegmentId();
  readonly context: TraceContext;
  readonly #started = Date.now();

  constructor(
    readonly traces: LocalTraces,
    readonly name: string,
    /** The AWS resource type it stands for; none for a subsegment. */
    readonly origin: string | undefined,
    received: string | undefined,
    readonly extra: Partial<SegmentDocument> = {},
  ) {
    this.context = parseTraceHeader(received) ?? { root: newTraceId(this.#started), sampled: true };
  }

  /** A part of this segment (a workflow's state), sent on its own and nested under it on read. */
  subsegment(name: string) {
    return new PlatformSegment(this.traces, name, undefined, this.header, { type: 'subsegment' });
  }

  /** The header a call made within this segment carries. */
  get header() {
    return formatTraceHeader({ ...this.context, parent: this.id });
  }

  end(outcome: SegmentOutcome = {}) {
    if (!this.context.sampled) return;
    const { exception, ...flags } = outcome;
    this.traces.record({
      id: this.id,
      trace_id: this.context.root,
      ...(this.context.parent && { parent_id: this.context.parent }),
      name: this.name,
      ...(this.origin && { origin: this.origin }),
      start_time: seconds(this.#started),
      end_time: seconds(Date.now()),
      ...this.extra,
      ...flags,
      ...(exception && {
        cause: { exceptions: [{ id: newSegmentId(), ...exception }] },
      }),
    });
  }
}
