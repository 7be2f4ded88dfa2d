import type { LocalFaults } from '../faults/local-faults.ts';
import type { LocalFunction } from './local-function.ts';
import type { FunctionErrorPayload } from './worker-protocol.ts';

/**
 * What an injected `function` fault does to one invocation: fail it with an error before its
 * handler runs, or let the handler run and kill its worker before it answers.
 */
export type InjectedFailure = { error: FunctionErrorPayload } | { kill: true };

/** The failure a `function` fault in force injects into this invocation of `fn`, if any. */
export const injectedFailure = (
  faults: LocalFaults,
  fn: LocalFunction,
  event: string,
): InjectedFailure | undefined => {
  const fault = faults.take(
    'function',
    (f) => f.function === fn.name && (f.matching === undefined || event.includes(f.matching)),
  );
  if (!fault) return undefined;
  if (fault.mode === 'kill') return { kill: true };
  return {
    error: {
      errorType: fault.errorType,
      errorMessage: `Injected fault ${fault.id}: ${fn.name} fails (call ${fault.failed}${fault.times === undefined ? '' : ` of ${fault.times}`}, until ${fault.endsAt})`,
      trace: [],
    },
  };
};
