import type { Context } from 'aws-lambda';
import type { CorrelationIds } from './correlation.ts';

/**
 * `instrumented` from observability.ts, loaded on the first invocation: the handler wrappers
 * live in the contracts everyone imports (the CDK app and the local platform too), which should
 * not load Powertools and the X-Ray SDK just to read a schema.
 */
export const observe = async <R>(
  name: string,
  context: Context | undefined,
  correlation: CorrelationIds,
  run: () => Promise<R>,
): Promise<R> => {
  const { instrumented } = await import('./observability.ts');
  return instrumented(name, context, correlation, run);
};
