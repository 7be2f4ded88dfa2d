import type { Context } from 'aws-lambda';
import type { InvokeMessage, WorkerSetup } from './worker-protocol.ts';

/** The `context` argument of a handler, with the fields Lambda's Node runtime gives it. */
export const lambdaContext = (setup: WorkerSetup, message: InvokeMessage): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: setup.functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: message.invokedFunctionArn,
  memoryLimitInMB: String(setup.memoryMb),
  awsRequestId: message.requestId,
  logGroupName: `/aws/lambda/${setup.functionName}`,
  logStreamName: `local/[$LATEST]${message.requestId.replaceAll('-', '')}`,
  getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
  done: () => {
    throw new Error('context.done is not supported by the Node.js 24 runtime: return a value');
  },
  fail: () => {
    throw new Error('context.fail is not supported by the Node.js 24 runtime: throw an error');
  },
  succeed: () => {
    throw new Error('context.succeed is not supported by the Node.js 24 runtime: return a value');
  },
});
