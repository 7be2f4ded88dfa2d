/**
 * What one order costs in the units AWS bills, as the bench measured them: the input of
 * `npm run cost` (local/src/cost). Totals over the measured run, and the orders they served.
 */
export interface UsageCounts {
  /** Fulfilled orders the totals below served. */
  orders: number;
  lambdaInvocations: number;
  /** Billed duration (init included, as Lambda bills managed runtimes since August 2025) × memory. */
  lambdaGbSeconds: number;
  /** Requests API Gateway answered with a function (the authorizer's calls are not requests). */
  apiRequests: number;
  stateTransitions: number;
  /** Custom events put on the bus. */
  events: number;
  /** On-demand request units, estimated from sizes (local/src/dynamodb/request-units.ts). */
  dynamodbReads: number;
  dynamodbWrites: number;
  emails: number;
}

/** One `REPORT` line as the local Lambda (and Lambda) writes it at the end of an invocation. */
const REPORT =
  /^(\S+) \| REPORT RequestId: \S+ Duration: ([\d.]+) ms(?: Init Duration: ([\d.]+) ms)?/;

/** Invocations and billed GB-seconds from REPORT lines, each function at its memory size. */
export const lambdaUsage = (lines: readonly string[], memoryMb: ReadonlyMap<string, number>) => {
  let invocations = 0;
  let gbSeconds = 0;
  const byFunction = new Map<string, number>();
  for (const line of lines) {
    const match = REPORT.exec(line);
    if (!match) continue;
    const [, name = '', duration = '0', init] = match;
    const billedMs = Math.ceil(Number(duration)) + (init ? Math.ceil(Number(init)) : 0);
    invocations += 1;
    gbSeconds += ((memoryMb.get(name) ?? 128) / 1024) * (billedMs / 1000);
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  }
  return { invocations, gbSeconds, byFunction };
};
