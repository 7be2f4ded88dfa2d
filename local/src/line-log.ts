import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Every line of `stream`, prefixed, to `log`: how each function's output stays attributable. */
export const prefixLines = (stream: Readable, prefix: string, log: (line: string) => void) => {
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
    log(`${prefix} ${line}`),
  );
};
