import type { LocalFaults } from '../faults/local-faults.ts';
import type { LocalFunction } from './local-function.ts';
import type { FunctionErrorPayload } from './worker-protocol.ts';

/** The error an injected `function` fault makes an invocation fail with, as a thrown error's. */
export const injectedFailure = (
  faults: LocalFaults,
  fn: LocalFunction,
): FunctionErrorPayload | undefined => {
  const fault = faults.take('function', (f) => f.function === fn.name);
  return (
    fault && {
      errorType: fault.errorType,
      errorMessage: `Injected fault ${fault.id}: ${fn.name} fails (call ${fault.failed}${fault.times === undefined ? '' : ` of ${fault.times}`}, until ${fault.endsAt})`,
      trace: [],
    }
  );
};
