import { PaymentSucceeded } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import * as z from 'zod';
import { startOnce } from '../adapters/start-once.ts';

const WorkflowEnv = z.object({ WORKFLOW_ORDER_FULFILLMENT_ARN: z.string().min(1) });

/**
 * Starts OrderFulfillment once per order: the execution is named by the order id, so a second
 * PaymentSucceeded (a duplicate, a replay) finds it, and redrives it if it failed.
 */
export const handler = eventHandler([PaymentSucceeded], async ({ data }) =>
  startOnce({
    stateMachineArn: WorkflowEnv.parse(process.env).WORKFLOW_ORDER_FULFILLMENT_ARN,
    name: data.orderId,
    input: { orderId: data.orderId, paymentIntentId: data.paymentIntentId },
  }),
);
