import { randomBytes } from 'node:crypto';

/** A trace id as X-Ray writes it: `1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>`. */
export const newTraceId = (at = Date.now()) =>
  `1-${Math.floor(at / 1000)
    .toString(16)
    .padStart(8, '0')}-${randomBytes(12).toString('hex')}`;

/** A segment or subsegment id: 64 random bits, 16 hex. */
export const newSegmentId = () => randomBytes(8).toString('hex');

/** What an `X-Amzn-Trace-Id` header carries: the trace, the caller's segment, the decision. */
export interface TraceContext {
  root: string;
  parent?: string;
  sampled: boolean;
}

const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;

/**
 * The header's fields (`Root=1-…;Parent=…;Sampled=1`, in any order, other fields ignored), or
 * undefined when it names no valid trace: the receiver then starts a trace of its own.
 */
export const parseTraceHeader = (header: string | undefined): TraceContext | undefined => {
  if (!header) return undefined;
  const fields = new Map(
    header.split(';').map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const root = fields.get('Root');
  if (!root || !TRACE_ID.test(root)) return undefined;
  const parent = fields.get('Parent');
  return { root, ...(parent && { parent }), sampled: fields.get('Sampled') !== '0' };
};

export const formatTraceHeader = ({ root, parent, sampled }: TraceContext) =>
  `Root=${root}${parent ? `;Parent=${parent}` : ''};Sampled=${sampled ? 1 : 0}`;
