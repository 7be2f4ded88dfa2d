import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import * as z from 'zod';

/** Calls `onLine` with each line of `stream`. */
export const eachLine = (stream: Readable, onLine: (line: string) => void) => {
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
};

/** Keys every Powertools log line repeats; the terminal already shows which function spoke. */
const REPEATED = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'sampling_rate',
  'xray_trace_id',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
]);

const PowertoolsLog = z.looseObject({ level: z.string(), message: z.unknown() });
const EmfLog = z.looseObject({
  _aws: z.object({
    CloudWatchMetrics: z.array(z.object({ Metrics: z.array(z.object({ Name: z.string() })) })),
  }),
});

const parseJson = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/**
 * A function's output line made readable in a terminal: a Powertools log line becomes
 * `LEVEL message {extra keys}`, an EMF metrics line `METRICS name=value ...`; anything else is
 * left as it is.
 */
export const readableLine = (line: string): string => {
  if (!line.startsWith('{')) return line;
  const record = parseJson(line);
  const emf = EmfLog.safeParse(record);
  if (emf.success) {
    const names = emf.data._aws.CloudWatchMetrics.flatMap((m) => m.Metrics.map((n) => n.Name));
    return `METRICS ${names.map((n) => `${n}=${JSON.stringify(emf.data[n])}`).join(' ')}`;
  }
  const log = PowertoolsLog.safeParse(record);
  if (!log.success) return line;
  const extra = Object.fromEntries(Object.entries(log.data).filter(([k]) => !REPEATED.has(k)));
  const message =
    typeof log.data.message === 'string' ? log.data.message : JSON.stringify(log.data.message);
  const rest = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
  return `${log.data.level.padEnd(5)} ${message}${rest}`;
};
