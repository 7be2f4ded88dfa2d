import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionNotRedrivable,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { PaymentSucceeded } from '@mytabs/contracts';
import { eventHandler, logger, sfnClient, traceHeader } from '@mytabs/lambda-kit';
import * as z from 'zod';
import { executionArnOf, shouldRedrive } from '../domain/fulfillment-start.ts';

const WorkflowEnv = z.object({ WORKFLOW_ORDER_FULFILLMENT_ARN: z.string().min(1) });

/**
 * Starts OrderFulfillment once per order: the execution is named by the order id, so a second
 * PaymentSucceeded (a duplicate, a replay) finds it. A failed one is redriven, which is how a
 * replay recovers an order whose fulfillment broke; any other is left alone.
 */
export const handler = eventHandler([PaymentSucceeded], async ({ data }) => {
  const stateMachineArn = WorkflowEnv.parse(process.env).WORKFLOW_ORDER_FULFILLMENT_ARN;
  const sfn = sfnClient();
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: data.orderId,
        input: JSON.stringify({ orderId: data.orderId, paymentIntentId: data.paymentIntentId }),
        // The workflow's segments join the checkout's trace.
        traceHeader: traceHeader(),
      }),
    );
    logger.info('Started fulfillment', { orderId: data.orderId });
    return;
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
  const executionArn = executionArnOf(stateMachineArn, data.orderId);
  const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  if (!shouldRedrive(execution)) {
    logger.info('Fulfillment already exists', { orderId: data.orderId, status: execution.status });
    return;
  }
  try {
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    logger.info('Redrove fulfillment', { orderId: data.orderId, error: execution.error });
  } catch (error) {
    // Redriven meanwhile by another delivery of the same payment: it runs again either way.
    if (!(error instanceof ExecutionNotRedrivable)) throw error;
  }
});
