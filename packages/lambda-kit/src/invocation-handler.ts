import type { Invocation } from '@mytabs/contracts';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { correlationOf } from './correlation.ts';
import { instrumented } from './observability.ts';
import { isTransient, TransientStepError } from './transient-error.ts';

/**
 * The callee's side: parses the request (a bad one is an error, never a side effect); a transient
 * failure of what it calls (AWS throttling or 5xx, a Stripe outage) is thrown as
 * `TransientStepError`, which the workflow's Retry matches, rather than under a name its Catch
 * would take for a final answer.
 */
export const invocationHandler =
  <I extends Invocation>(
    invocation: I,
    run: (input: z.output<I['request']>) => Promise<z.input<I['response']>>,
  ) =>
  (event: unknown, context?: Context): Promise<z.output<I['response']>> =>
    instrumented(invocation.ref, context, correlationOf(event), async () => {
      const input = invocation.request.parse(event) as z.output<I['request']>;
      try {
        return invocation.response.parse(await run(input)) as z.output<I['response']>;
      } catch (error) {
        // Named so a workflow's Retry (and any caller) can tell "not now" from "no".
        if (isTransient(error)) {
          throw new TransientStepError((error as Error).message, { cause: error });
        }
        throw error;
      }
    });
