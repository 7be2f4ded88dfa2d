import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { everyState } from './every-state.ts';

/** A Lambda function ARN, optionally with a version or alias, as a Task's `Resource`. */
const FUNCTION_ARN =
  /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

/**
 * AWS lets a Task without `TimeoutSeconds` wait for its function, which Lambda stops after at
 * most 900 s; the engine would time it out after 60 s. A default past Lambda's limit keeps AWS's
 * behaviour (a timed-out function fails the task with its own error).
 */
const TASK_TIMEOUT_S = 960;

/**
 * Prepare a definition's Task states for the engine and return them by state name -> the
 * function ARN each invokes. The engine's local task handlers are keyed by state name, so a name
 * must not stand for two resources. Only a function ARN is accepted: the engine would send any
 * other resource (an `arn:aws:states:::` integration) to real AWS.
 */
export const lambdaTaskStates = (definition: StateMachineDefinition, where: string) => {
  const tasks = new Map<string, string>();
  for (const [name, state] of everyState(definition.States)) {
    if (state.Type !== 'Task') continue;
    if (!FUNCTION_ARN.test(state.Resource)) {
      throw new Error(
        `${where}: state ${name} has Resource ${state.Resource}; the local engine runs only Task states whose Resource is a Lambda function ARN`,
      );
    }
    const other = tasks.get(name);
    if (other !== undefined && other !== state.Resource) {
      throw new Error(`${where}: two Task states are named ${name}`);
    }
    tasks.set(name, state.Resource);
    if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
      state.TimeoutSeconds = TASK_TIMEOUT_S;
    }
  }
  return tasks;
};
