import type { StateMachineDefinition } from 'aws-local-stepfunctions';

type State = StateMachineDefinition['States'][string];

/** Every state of a definition, including those inside Parallel branches and Map iterations. */
export const everyState = (states: StateMachineDefinition['States']): [string, State][] =>
  Object.entries(states).flatMap(([name, state]): [string, State][] => {
    if (state.Type === 'Parallel') {
      return [[name, state], ...state.Branches.flatMap((branch) => everyState(branch.States))];
    }
    if (state.Type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator;
      return [[name, state], ...(processor ? everyState(processor.States) : [])];
    }
    return [[name, state]];
  });
