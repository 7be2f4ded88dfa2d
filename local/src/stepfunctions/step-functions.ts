import type { StateMachinePlan } from '@mytabs/plan';
import type { AwsService } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import type { LocalTraces } from '../xray/local-traces.ts';
import { Executions, type TimingOverrides } from './executions.ts';
import { loadStateMachines } from './state-machines.ts';
import { stepFunctionsOperations } from './step-functions-api.ts';

export type { TimingOverrides } from './executions.ts';

export interface StepFunctionsOptions {
  stateMachines: readonly StateMachinePlan[];
  /** The URL of the edge that serves the local Lambda's Invoke (`http://127.0.0.1:<port>`). */
  lambdaEndpoint: string;
  /** For tests: Wait states and Retry intervals shortened, by state name, in milliseconds. */
  overrides?: TimingOverrides;
  /** Where each execution's segment goes; absent when tracing is off. */
  traces?: LocalTraces;
  log: (line: string) => void;
}

export interface StepFunctions {
  /** Served by the AWS edge: AWS JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`. */
  service: AwsService;
  /** Abort running executions and release their Lambda clients. */
  close(): void;
}

/**
 * Step Functions on the local platform: one state machine per manifest workflow, run by
 * aws-local-stepfunctions with every Task invoking its function through the local Lambda.
 * Rejects (so `npm start` stops) when a workflow's definition cannot run as written.
 */
export const createStepFunctions = async (
  options: StepFunctionsOptions,
): Promise<StepFunctions> => {
  const machines = loadStateMachines(options.stateMachines);
  const executions = new Executions({
    lambdaEndpoint: options.lambdaEndpoint,
    overrides: options.overrides ?? {},
    ...(options.traces && { traces: options.traces }),
    log: options.log,
  });
  return {
    service: jsonProtocolService({
      name: 'states',
      targetPrefix: 'AWSStepFunctions',
      version: '1.0',
      operations: stepFunctionsOperations(machines, executions),
    }),
    close: () => executions.close(),
  };
};
