import * as z from 'zod';

/**
 * A segment or subsegment document as X-Ray's SDKs send it to the daemon: what the local traces
 * read of it is checked, the rest kept as sent (BatchGetTraces answers the document whole).
 */
export const SegmentDocument = z.looseObject({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  trace_id: z.string().optional(),
  parent_id: z.string().optional(),
  name: z.string(),
  start_time: z.number(),
  end_time: z.number().optional(),
  in_progress: z.boolean().optional(),
  /** `subsegment` for one sent on its own (Lambda's SDK sends only those). */
  type: z.string().optional(),
  origin: z.string().optional(),
  fault: z.boolean().optional(),
  error: z.boolean().optional(),
  throttle: z.boolean().optional(),
  annotations: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  get subsegments() {
    return z.array(SegmentDocument).optional();
  },
});
export type SegmentDocument = z.infer<typeof SegmentDocument>;
