import type { LocalTraces } from '../xray/local-traces.ts';
import { PlatformSegment } from '../xray/platform-segment.ts';
import type { RunOutcome } from './function-pool.ts';
import type { LocalFunction } from './local-function.ts';

/**
 * One invocation with the two segments Lambda records for an actively traced function: the
 * Lambda service's (`AWS::Lambda`, under the caller's segment) and the function's
 * (`AWS::Lambda::Function`), whose id the function receives as `Parent` in `_X_AMZN_TRACE_ID` so
 * the subsegments its SDK sends hang under it. A failed invocation is a fault on both.
 */
export const tracedRun = async (
  traces: LocalTraces | undefined,
  fn: LocalFunction,
  requestId: string,
  traceHeader: string | undefined,
  run: (traceId: string | undefined) => Promise<RunOutcome>,
): Promise<RunOutcome> => {
  if (!traces) return run(undefined);
  const aws = { request_id: requestId, function_arn: fn.arn };
  const service = new PlatformSegment(traces, fn.name, 'AWS::Lambda', traceHeader, { aws });
  const own = new PlatformSegment(traces, fn.name, 'AWS::Lambda::Function', service.header, {
    aws,
  });
  const outcome = await run(own.header);
  const failed = outcome.ok
    ? {}
    : {
        fault: true,
        exception: { type: outcome.error.errorType, message: outcome.error.errorMessage },
      };
  own.end(failed);
  service.end(failed);
  return outcome;
};
