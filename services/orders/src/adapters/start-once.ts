import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionNotRedrivable,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { logger, sfnClient, traceHeader } from '@mytabs/lambda-kit';
import { executionArnOf, shouldRedrive } from '../domain/fulfillment-start.ts';

/**
 * Starts a workflow once per name: a second start (a duplicate, a replay, a repeated request)
 * finds the execution. A failed one is redriven, which is how a replay recovers a run that broke;
 * any other is left alone.
 */
export const startOnce = async (execution: {
  stateMachineArn: string;
  name: string;
  input: unknown;
}) => {
  const { stateMachineArn, name } = execution;
  const sfn = sfnClient();
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name,
        input: JSON.stringify(execution.input),
        // The workflow's segments join the trace that started it.
        traceHeader: traceHeader(),
      }),
    );
    logger.info('Started', { stateMachineArn, name });
    return;
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
  const executionArn = executionArnOf(stateMachineArn, name);
  const found = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  if (!shouldRedrive(found)) {
    logger.info('Already exists', { executionArn, status: found.status });
    return;
  }
  try {
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    logger.info('Redrove', { executionArn, error: found.error });
  } catch (error) {
    // Redriven meanwhile by another delivery: it runs again either way.
    if (!(error instanceof ExecutionNotRedrivable)) throw error;
  }
};
