import { TransientStepError } from '@mytabs/lambda-kit';
import { ConcurrentUpdate } from '../domain/ports.ts';

/**
 * A workflow step's failure as the ASL matches it: a lost race on the order is transient too
 * (retried with backoff by the state's Retry), as `invocationHandler` already makes AWS and
 * Stripe outages; anything else keeps its own name.
 */
export const asStep =
  <I, O>(run: (input: I) => Promise<O>) =>
  async (input: I): Promise<O> => {
    try {
      return await run(input);
    } catch (error) {
      if (error instanceof ConcurrentUpdate) {
        throw new TransientStepError((error as Error).message, { cause: error });
      }
      throw error;
    }
  };
