import type { PlatformComponent } from '../component.ts';
import { createStepFunctions, type TimingOverrides } from './step-functions.ts';

/**
 * Step Functions as a platform component: served on the edge, with Task states invoking the
 * local Lambda through the edge's Lambda API. Tests pass `overrides` to shorten Wait states and
 * Retry intervals (by state name, in milliseconds).
 */
export const stepFunctionsComponent = (
  options: { overrides?: TimingOverrides } = {},
): PlatformComponent => ({
  name: 'stepfunctions',
  async start(context) {
    const stepFunctions = await createStepFunctions({
      stateMachines: context.plan.stateMachines,
      lambdaEndpoint: context.edgeUrl,
      overrides: options.overrides,
      ...(context.traces && { traces: context.traces }),
      log: context.log,
    });
    return { services: [stepFunctions.service], close: async () => stepFunctions.close() };
  },
});

/** The component `npm start` runs: real Wait and Retry durations. */
export const stepFunctions = stepFunctionsComponent();
