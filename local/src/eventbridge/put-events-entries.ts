import * as z from 'zod';
import { AwsError } from '../edge/aws-service.ts';

/** The request size limit of PutEvents, counted as AWS counts an entry's size. */
export const PUT_EVENTS_LIMIT_BYTES = 256 * 1024;
const MAX_ENTRIES = 10;

const timestamp = z.union([z.number(), z.string()]);

export const PutEventsEntry = z.object({
  Source: z.string().optional(),
  DetailType: z.string().optional(),
  Detail: z.string().optional(),
  Resources: z.array(z.string()).optional(),
  Time: timestamp.optional(),
  EventBusName: z.string().optional(),
  TraceHeader: z.string().optional(),
});
export type PutEventsEntry = z.infer<typeof PutEventsEntry>;

export const PutEventsInput = z.object({
  Entries: z.array(PutEventsEntry),
  EndpointId: z.string().optional(),
});

/** AWS's documented entry size: 14 bytes for a Time, plus the UTF-8 bytes of the rest. */
export const entrySize = (entry: PutEventsEntry) =>
  (entry.Time === undefined ? 0 : 14) +
  [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])].reduce(
    (sum, text) => sum + (text === undefined ? 0 : Buffer.byteLength(text)),
    0,
  );

/** The whole request's limits: AWS refuses the call, not single entries. */
export const checkRequestLimits = (entries: readonly PutEventsEntry[]) => {
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`}`,
    );
  }
  const total = entries.reduce((sum, e) => sum + entrySize(e), 0);
  if (total > PUT_EVENTS_LIMIT_BYTES) {
    throw new AwsError(
      'ValidationException',
      'Total size of the entries in the request is over the limit.',
    );
  }
};

export type EntryCheck =
  | { ok: true; source: string; detailType: string; detail: Record<string, unknown>; time?: Date }
  | { ok: false; errorCode: string; errorMessage: string };

const required = (name: string): EntryCheck => ({
  ok: false,
  errorCode: 'InvalidArgument',
  errorMessage: `Parameter ${name} is not valid. Reason: ${name} is a required argument.`,
});

const parseTime = (time: number | string | undefined) => {
  if (time === undefined) return undefined;
  const at = typeof time === 'number' ? new Date(time * 1000) : new Date(time);
  return Number.isNaN(at.getTime()) ? null : at;
};

/** One entry as AWS checks it: each failure is reported on the entry, the rest still go through. */
export const checkEntry = (entry: PutEventsEntry): EntryCheck => {
  if (!entry.Source) return required('Source');
  if (!entry.DetailType) return required('DetailType');
  if (!entry.Detail) return required('Detail');
  if (entry.Source.startsWith('aws.')) {
    return {
      ok: false,
      errorCode: 'NotAuthorizedForSourceException',
      errorMessage: 'Not authorized for the source.',
    };
  }
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail);
  } catch {
    detail = undefined;
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    return { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  }
  const time = parseTime(entry.Time);
  if (time === null) {
    return {
      ok: false,
      errorCode: 'InvalidArgument',
      errorMessage: 'Parameter Time is not valid.',
    };
  }
  return {
    ok: true,
    source: entry.Source,
    detailType: entry.DetailType,
    detail: detail as Record<string, unknown>,
    ...(time ? { time } : {}),
  };
};
