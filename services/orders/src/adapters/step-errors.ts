import { StepErrors } from '@mytabs/contracts';
import { ConcurrentUpdate } from '../domain/ports.ts';

class TransientStepError extends Error {
  override name = StepErrors.transient;
}

/**
 * A workflow step's failure as the ASL matches it: a lost race or a throttled AWS call is
 * transient (retried with backoff by the state's Retry); anything else keeps its own name.
 */
export const asStep =
  <I, O>(run: (input: I) => Promise<O>) =>
  async (input: I): Promise<O> => {
    try {
      return await run(input);
    } catch (error) {
      const retryable = (error as { $retryable?: unknown }).$retryable !== undefined;
      if (error instanceof ConcurrentUpdate || retryable) {
        throw new TransientStepError((error as Error).message, { cause: error });
      }
      throw error;
    }
  };
