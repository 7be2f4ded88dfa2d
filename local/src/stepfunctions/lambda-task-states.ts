import type { StateMachineDefinition } from 'aws-local-stepfunctions';

/** A Lambda function ARN, optionally with a version or alias, as a Task's `Resource`. */
const FUNCTION_ARN =
  /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

type States = StateMachineDefinition['States'];

/**
 * Every Task state of a definition, including those inside Parallel branches and Map iterations,
 * by state name -> the function ARN it invokes. The engine's local task handlers are keyed by
 * state name, so a name must not stand for two resources. Only a function ARN is accepted: the
 * engine would send any other resource (an `arn:aws:states:::` integration) to real AWS.
 */
export const lambdaTaskStates = (definition: StateMachineDefinition, where: string) => {
  const tasks = new Map<string, string>();
  const visit = (states: States) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
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
      } else if (state.Type === 'Parallel') {
        for (const branch of state.Branches) visit(branch.States);
      } else if (state.Type === 'Map') {
        const processor = state.ItemProcessor ?? state.Iterator;
        if (processor) visit(processor.States);
      }
    }
  };
  visit(definition.States);
  return tasks;
};
