import {
  DescribeExecutionCommand,
  type ExecutionStatus,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { StateMachinePlan } from '@mytabs/plan';
import type { Target } from './target.ts';

export interface FailedExecution {
  stateMachine: string;
  name: string;
  executionArn: string;
  status: ExecutionStatus;
  error: string;
  cause: string;
  stopDate?: string;
  /** False when it ended at one of its own Fail states: it did what it was written to do. */
  redrivable: boolean;
}

/** The errors a definition's Fail states end with: an execution ending so failed on purpose. */
export const failStateErrors = (definition: string): Set<string> => {
  const errors = new Set<string>();
  const visit = (
    states: Record<
      string,
      {
        Type?: string;
        Error?: string;
        Branches?: { States: Record<string, never> }[];
        ItemProcessor?: { States: Record<string, never> };
        Iterator?: { States: Record<string, never> };
      }
    >,
  ) => {
    for (const state of Object.values(states)) {
      if (state.Type === 'Fail' && state.Error) errors.add(state.Error);
      for (const branch of state.Branches ?? []) visit(branch.States);
      if (state.ItemProcessor) visit(state.ItemProcessor.States);
      if (state.Iterator) visit(state.Iterator.States);
    }
  };
  visit(JSON.parse(definition).States);
  return errors;
};

export const arnOf = async (target: Target, machine: StateMachinePlan) => {
  let nextToken: string | undefined;
  do {
    const page = await target.sfn.send(new ListStateMachinesCommand({ nextToken }));
    const found = page.stateMachines?.find((m) => m.name === machine.name);
    if (found?.stateMachineArn) return found.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  throw new Error(`state machine ${machine.name} does not exist in stage ${target.stage}`);
};

/** The stage's workflows, or the one named (`OrderFulfillment` or its full name). */
export const workflowsNamed = (target: Target, name?: string) => {
  const machines = target.plan.stateMachines.filter(
    (m) => !name || m.workflow === name || m.name === name,
  );
  if (machines.length === 0) throw new Error(`no workflow ${name} in stage ${target.stage}`);
  return machines;
};

/** Executions that FAILED or TIMED_OUT and were not redriven since (a redrive makes them RUNNING). */
export const failedExecutions = async (
  target: Target,
  machines: StateMachinePlan[],
): Promise<FailedExecution[]> => {
  const found: FailedExecution[] = [];
  for (const machine of machines) {
    const stateMachineArn = await arnOf(target, machine);
    const onPurpose = failStateErrors(machine.definition);
    for (const statusFilter of ['FAILED', 'TIMED_OUT'] as const) {
      let nextToken: string | undefined;
      do {
        const page = await target.sfn.send(
          new ListExecutionsCommand({ stateMachineArn, statusFilter, nextToken, maxResults: 100 }),
        );
        for (const listed of page.executions ?? []) {
          const execution = await target.sfn.send(
            new DescribeExecutionCommand({ executionArn: listed.executionArn }),
          );
          found.push({
            stateMachine: machine.name,
            name: execution.name ?? '',
            executionArn: execution.executionArn ?? '',
            status: execution.status ?? statusFilter,
            error: execution.error ?? '',
            cause: execution.cause ?? '',
            ...(execution.stopDate && { stopDate: execution.stopDate.toISOString() }),
            redrivable:
              execution.redriveStatus === 'REDRIVABLE' && !onPurpose.has(execution.error ?? ''),
          });
        }
        nextToken = page.nextToken;
      } while (nextToken);
    }
  }
  return found;
};

export interface ExecutionRedrive {
  redriven: string[];
  skipped: { name: string; why: string }[];
  failed: { name: string; error: string }[];
}

/**
 * Each failed execution run again from the state that failed (RedriveExecution), its earlier
 * steps' results kept: steps read the order's state first, so a step that had done its work
 * does nothing again. One that ended at its own Fail state is left alone.
 */
export const redriveExecutions = async (
  target: Target,
  executions: FailedExecution[],
  {
    dryRun,
    onProgress = () => {},
  }: { dryRun: boolean; onProgress?: (done: number, of: number) => void },
): Promise<ExecutionRedrive> => {
  const outcome: ExecutionRedrive = { redriven: [], skipped: [], failed: [] };
  for (const [i, execution] of executions.entries()) {
    if (!execution.redrivable) {
      outcome.skipped.push({ name: execution.name, why: `ended on purpose (${execution.error})` });
    } else if (dryRun) {
      outcome.redriven.push(execution.name);
    } else {
      try {
        await target.sfn.send(
          new RedriveExecutionCommand({ executionArn: execution.executionArn }),
        );
        outcome.redriven.push(execution.name);
      } catch (error) {
        outcome.failed.push({ name: execution.name, error: (error as Error).message });
      }
    }
    onProgress(i + 1, executions.length);
  }
  return outcome;
};
