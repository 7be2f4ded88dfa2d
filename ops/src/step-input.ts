import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { executionArnOf } from '@mytabs/orders/stuck-orders';
import { arnOf } from './executions.ts';
import type { Target } from './target.ts';

/**
 * The input a workflow last gave one of its Lambda steps for an order, as its execution's history
 * keeps it (`LambdaFunctionScheduled`, kept 90 days on AWS), or undefined when the execution or
 * the step is not there. Newest first, so a redriven execution answers its latest input.
 */
export const lastStepInput = async (
  target: Target,
  workflow: { service: string; workflow: string },
  executionName: string,
  functionName: string,
): Promise<unknown> => {
  const machine = target.plan.stateMachines.find(
    (m) => m.service === workflow.service && m.workflow === workflow.workflow,
  );
  if (!machine) throw new Error(`stage ${target.stage} has no workflow ${workflow.workflow}`);
  const executionArn = executionArnOf(await arnOf(target, machine), executionName);
  let nextToken: string | undefined;
  do {
    const page = await target.sfn
      .send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, nextToken }))
      .catch((error: Error) => {
        if (error.name === 'ExecutionDoesNotExist') return undefined;
        throw error;
      });
    if (!page) return undefined;
    const scheduled = (page.events ?? []).find((e: HistoryEvent) =>
      e.lambdaFunctionScheduledEventDetails?.resource?.endsWith(`:function:${functionName}`),
    );
    const input = scheduled?.lambdaFunctionScheduledEventDetails?.input;
    if (input !== undefined) return JSON.parse(input);
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
};
